/**
 * The JSON API under {@code /api} (Spring MVC): movie search and details, recommendations for users
 * and anonymous visitors, visitors and their ratings. Errors are RFC 7807 problem JSON from {@link
 * app.movierec.api.ApiErrors}.
 */
package app.movierec.api;

/**
 * The pages' side of access control: the operator's login view ({@code /login}, where {@code
 * /admin} sends a visitor who is not logged in) and the notice a page shows when a write is refused
 * (someone else's ratings, a rate limit). The rules themselves are in {@code
 * app.movierec.security}.
 */
package app.movierec.ui.access;

/**
 * Who may do what, and how much: the operator's login for {@code /admin} ({@link
 * app.movierec.security.OperatorAccounts}, a password from the configuration or generated at the
 * first start), visitors' tokens as the key to their own ratings ({@link
 * app.movierec.security.VisitorTokenFilter} for the API, {@link
 * app.movierec.security.VisitorSession} for the pages), per-client rate limits and request limits
 * (servlet filters ahead of Spring Security), and the security headers of the pages ({@link
 * app.movierec.security.SecurityConfig}). The API's own filter chain is in {@code
 * app.movierec.api.ApiSecurity}.
 */
package app.movierec.security;

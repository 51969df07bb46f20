package app.movierec.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers: a Content-Security-Policy for the pages that Vaadin runs under (its
 * bootstrap needs inline scripts and {@code eval}, its theme inline styles, server push a
 * same-origin WebSocket; posters come from TMDB's image host), a policy that allows nothing for the
 * API's JSON and the generated SVG posters, framing refused everywhere, no MIME sniffing, and
 * referrers kept within the site (none at all from the API). Spring Security's defaults add {@code
 * X-Content-Type-Options}, {@code Cache-Control} where a response sets none, and HSTS over https.
 */
public final class SecurityHeaders {

  /** The pages' policy (Vaadin Flow in production and development mode). */
  public static final String PAGE_POLICY =
      "default-src 'self'; "
          + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
          + "style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data: blob: https://image.tmdb.org; "
          + "font-src 'self' data:; "
          + "connect-src 'self'; "
          + "object-src 'none'; "
          + "base-uri 'self'; "
          + "form-action 'self'; "
          + "frame-ancestors 'none'";

  /** JSON and images: nothing may run or load from them, nobody may frame them. */
  public static final String STRICT_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none';"
          + " form-action 'none'";

  private SecurityHeaders() {}

  /** The pages' headers; generated SVG posters get the strict policy. */
  static void pages(HeadersConfigurer<HttpSecurity> headers) {
    RequestMatcher posters = PathPatternRequestMatcher.withDefaults().matcher("/posters/**");
    headers
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(posters),
                new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY)))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                posters, new StaticHeadersWriter("Content-Security-Policy", STRICT_POLICY)));
  }

  /**
   * The strict headers set by hand, for answers written before Spring Security's filter chain (rate
   * and request limits): nothing may run, be framed, sniffed, cached or referred from them.
   */
  static void strict(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", STRICT_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
  }

  /** The API's headers. */
  public static void api(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
        .contentSecurityPolicy(csp -> csp.policyDirectives(STRICT_POLICY));
  }
}

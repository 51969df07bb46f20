package app.movierec.security;

import app.movierec.ratings.RatingService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's bearer tokens: {@code Authorization: Bearer <token>} of a visitor authenticates the
 * request as that visitor ({@link VisitorAuthentication}). A token that is not any visitor's leaves
 * the request anonymous and marks it, so that a write answers 401 with {@code
 * error="invalid_token"} (RFC 6750) rather than a plain "no token". Part of the API's filter chain
 * only: the pages use the visitor's cookie ({@link VisitorSession}), never a header.
 */
public class VisitorTokenFilter extends OncePerRequestFilter {

  /** Request attribute set when a bearer token was sent but belongs to nobody. */
  public static final String INVALID_TOKEN = "app.movierec.security.VisitorTokenFilter.invalid";

  private final RatingService ratings;
  private final SecurityContextHolderStrategy contexts;

  /**
   * @param contexts the strategy of the filter chain this filter runs in (the one that clears the
   *     context after each request; the static {@code SecurityContextHolder} may be another)
   */
  public VisitorTokenFilter(RatingService ratings, SecurityContextHolderStrategy contexts) {
    this.ratings = ratings;
    this.contexts = contexts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = header.substring(7).strip();
      var visitor = ratings.visitorOfToken(token);
      if (visitor.isPresent()) {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new VisitorAuthentication(visitor.get()));
        contexts.setContext(context);
      } else {
        request.setAttribute(INVALID_TOKEN, Boolean.TRUE);
      }
    }
    chain.doFilter(request, response);
  }
}

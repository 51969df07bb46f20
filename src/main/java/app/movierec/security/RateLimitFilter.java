package app.movierec.security;

import app.movierec.security.ClientRateLimits.Kind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the API's writes, visitor creations and password checks per client before Spring Security
 * (so a flood of wrong passwords is refused before each costs a BCrypt check): past the limit, 429
 * with {@code Retry-After} as a problem. The pages' writes go through {@link VisitorSession}, which
 * counts them against the same limits.
 */
public class RateLimitFilter extends OncePerRequestFilter {

  private final ClientRateLimits limits;

  public RateLimitFilter(ClientRateLimits limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String method = request.getMethod();
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean api = ProblemResponses.isApi(request);
    boolean passwordCheck =
        (api && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6))
            || ("POST".equals(method) && path.equals("/login"));
    if (passwordCheck && refused(Kind.LOGIN, request, response)) {
      return;
    }
    if (api && "POST".equals(method) && path.equals("/api/users")) {
      if (refused(Kind.VISITOR, request, response)) {
        return;
      }
    } else if (api && writes(method) && !path.equals("/api/recommendations")) {
      if (refused(Kind.WRITE, request, response)) {
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean writes(String method) {
    return switch (method) {
      case "POST", "PUT", "PATCH", "DELETE" -> true;
      default -> false;
    };
  }

  private boolean refused(Kind kind, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Duration> wait = limits.acquire(kind, request.getRemoteAddr());
    if (wait.isEmpty()) {
      return false;
    }
    long seconds = ClientRateLimits.retryAfterSeconds(wait.get());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    ProblemResponses.write(
        request,
        response,
        429,
        "Too many requests",
        "too many " + kind.description() + " from your address; try again in " + seconds + " s",
        null);
    return true;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return true;
  }
}

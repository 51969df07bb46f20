package app.movierec.security;

import app.movierec.ratings.LiveRating;
import app.movierec.ratings.NewVisitor;
import app.movierec.ratings.RatingService;
import app.movierec.security.ClientRateLimits.Kind;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The pages' side of visitors owning their ratings. The browser that created a visitor holds the
 * visitor's token in a cookie ({@value #COOKIE}: HttpOnly, SameSite=Lax, Secure over https, kept
 * 400 days), and only that browser (or the logged-in operator) may rate as that visitor; MovieLens
 * users are read-only except to the operator. Creating a visitor and every rating count against the
 * client's rate limits, as the API's do. Call from Vaadin request threads (a view's listeners and
 * navigation observers).
 */
@Service
public class VisitorSession {

  public static final String COOKIE = "movierec_visitor";
  static final Duration COOKIE_LIFETIME = Duration.ofDays(400); // the most browsers keep a cookie
  private static final String SESSION_ATTRIBUTE = VisitorSession.class.getName() + ".visitor";

  private final RatingService ratings;
  private final ClientRateLimits limits;

  VisitorSession(RatingService ratings, ClientRateLimits limits) {
    this.ratings = ratings;
    this.limits = limits;
  }

  /** The visitor this browser owns (created here, or its cookie's); empty for none. */
  public Optional<Integer> ownVisitor() {
    VaadinSession session = VaadinSession.getCurrent();
    if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Integer userId) {
      return Optional.of(userId);
    }
    Optional<Integer> fromCookie = cookieToken().flatMap(ratings::visitorOfToken);
    if (session != null && fromCookie.isPresent()) {
      session.setAttribute(SESSION_ATTRIBUTE, fromCookie.get());
    }
    return fromCookie;
  }

  /** Whether this browser may change {@code userId}'s ratings: its own visitor, or the operator. */
  public boolean mayWrite(int userId) {
    return operatorLoggedIn() || ownVisitor().filter(own -> own == userId).isPresent();
  }

  /** Whether the operator is logged in in this session. */
  public boolean operatorLoggedIn() {
    return WriteAccess.isOperator(SecurityContextHolder.getContext().getAuthentication());
  }

  /**
   * Creates a visitor owned by this browser: sets the token cookie on the current response and
   * returns the new userId.
   *
   * @throws RateLimitedException past the client's limit on visitor creations
   */
  public int startVisitor() {
    acquire(Kind.VISITOR);
    NewVisitor visitor = ratings.createVisitor();
    VaadinResponse response = VaadinResponse.getCurrent();
    VaadinRequest request = VaadinRequest.getCurrent();
    if (response != null) {
      response.addCookie(cookie(visitor.token(), request != null && request.isSecure(), path()));
    }
    VaadinSession session = VaadinSession.getCurrent();
    if (session != null) {
      session.setAttribute(SESSION_ATTRIBUTE, visitor.userId());
    }
    return visitor.userId();
  }

  /**
   * Stores {@code userId}'s rating of a movie, when this browser may.
   *
   * @throws WriteAccess.NotOwnerException when it may not
   * @throws RateLimitedException past the client's limit on writes
   */
  public LiveRating rate(int userId, int movieId, double stars) {
    requireWrite(userId);
    acquire(Kind.WRITE);
    return ratings.rate(userId, movieId, stars);
  }

  /** Takes back {@code userId}'s live rating of a movie, when this browser may. */
  public boolean deleteRating(int userId, int movieId) {
    requireWrite(userId);
    acquire(Kind.WRITE);
    return ratings.deleteLiveRating(userId, movieId);
  }

  private void requireWrite(int userId) {
    if (!mayWrite(userId)) {
      throw new WriteAccess.NotOwnerException(
          "Only the browser that created user "
              + userId
              + " (or the operator) can change their ratings.");
    }
  }

  private void acquire(Kind kind) {
    limits
        .acquire(kind, clientAddress())
        .ifPresent(
            wait -> {
              throw new RateLimitedException(kind, wait);
            });
  }

  static Cookie cookie(String token, boolean secure, String path) {
    Cookie cookie = new Cookie(COOKIE, token);
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setPath(path);
    cookie.setMaxAge((int) COOKIE_LIFETIME.toSeconds());
    cookie.setAttribute("SameSite", "Lax");
    return cookie;
  }

  private static Optional<String> cookieToken() {
    VaadinRequest request = VaadinRequest.getCurrent();
    Cookie[] cookies = request == null ? null : request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        return Optional.ofNullable(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private static String path() {
    VaadinRequest request = VaadinRequest.getCurrent();
    String context = request == null ? "" : request.getContextPath();
    return context == null || context.isEmpty() ? "/" : context;
  }

  private static String clientAddress() {
    VaadinRequest request = VaadinRequest.getCurrent();
    if (request != null && request.getRemoteAddr() != null) {
      return request.getRemoteAddr();
    }
    VaadinSession session = VaadinSession.getCurrent();
    return session == null || session.getBrowser() == null
        ? null
        : session.getBrowser().getAddress();
  }
}

package app.movierec.security;

import app.movierec.ratings.Visitor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may change a user's ratings: the visitor who holds that user's token, and the operator (who
 * alone may change MovieLens users, ids below {@value Visitor#FIRST_ID}). Decided on the {@code
 * int} userId the controller will write, so no other parsing of the path can disagree.
 */
public final class WriteAccess {

  private WriteAccess() {}

  /**
   * Returns normally when {@code authentication} may write {@code userId}'s ratings.
   *
   * @throws NotSignedInException (401) when the request carries no valid token or login
   * @throws NotOwnerException (403) when it does, but for someone else
   */
  public static void check(Authentication authentication, int userId, boolean invalidToken) {
    if (isOperator(authentication)) {
      return;
    }
    if (authentication instanceof VisitorAuthentication visitor) {
      if (visitor.userId() == userId) {
        return;
      }
      throw new NotOwnerException(
          Visitor.isVisitorId(userId)
              ? "this token belongs to visitor "
                  + visitor.userId()
                  + "; it cannot change the ratings of user "
                  + userId
              : "user " + userId + " is a MovieLens user: their ratings are read-only");
    }
    throw new NotSignedInException(
        invalidToken
            ? "the bearer token is not valid (it belongs to no visitor)"
            : Visitor.isVisitorId(userId)
                ? "changing a visitor's ratings needs their token: Authorization: Bearer <token>"
                    + " as returned by POST /api/users"
                : "user " + userId + " is a MovieLens user: their ratings are read-only",
        invalidToken);
  }

  /** Whether the request is the operator's (logged in, or Basic credentials on the API). */
  public static boolean isOperator(Authentication authentication) {
    if (authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      return false;
    }
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      if (("ROLE_" + OperatorAccounts.ROLE).equals(authority.getAuthority())) {
        return true;
      }
    }
    return false;
  }

  /** No token (or an invalid one) where one is needed: 401. */
  public static class NotSignedInException extends RuntimeException {

    private final boolean invalidToken;

    NotSignedInException(String message, boolean invalidToken) {
      super(message);
      this.invalidToken = invalidToken;
    }

    public boolean invalidToken() {
      return invalidToken;
    }
  }

  /** A valid token, but for someone else's ratings: 403. */
  public static class NotOwnerException extends RuntimeException {

    NotOwnerException(String message) {
      super(message);
    }
  }
}

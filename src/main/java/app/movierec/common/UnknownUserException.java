package app.movierec.common;

/**
 * Thrown for a userId that is neither a MovieLens user with ratings nor a stored visitor: the one
 * "unknown user" of the app (the API answers 404, the page says so).
 */
public class UnknownUserException extends RuntimeException {

  private final long userId;

  public UnknownUserException(long userId) {
    super("unknown user " + userId);
    this.userId = userId;
  }

  public long userId() {
    return userId;
  }
}

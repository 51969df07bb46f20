package app.movierec.ratings;

/** Thrown for a userId that is neither a MovieLens user with ratings nor a stored visitor. */
public class NoSuchUserException extends RuntimeException {

  private final long userId;

  public NoSuchUserException(long userId) {
    super("unknown user " + userId);
    this.userId = userId;
  }

  public long userId() {
    return userId;
  }
}

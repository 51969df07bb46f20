package app.movierec.recommend;

/** Thrown when recommendations are asked for a userId that has no ratings in the trained model. */
public class UnknownUserException extends RuntimeException {

  private final long userId;

  public UnknownUserException(long userId) {
    super("unknown user " + userId + ": no ratings in the trained model");
    this.userId = userId;
  }

  public long userId() {
    return userId;
  }
}

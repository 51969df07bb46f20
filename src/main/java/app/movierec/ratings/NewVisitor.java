package app.movierec.ratings;

/**
 * A visitor just created, with their secret token: the only moment the token exists outside the
 * visitor's own browser or client (the database keeps its hash). Never log it.
 */
public record NewVisitor(int userId, String token) {

  @Override
  public String toString() {
    return "NewVisitor[userId=" + userId + ", token=(secret)]";
  }
}

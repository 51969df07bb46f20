package app.movierec.ratings;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link Rating}: a user rates a movie at most once. */
public class RatingId implements Serializable {

  private int userId;
  private int movieId;

  protected RatingId() {}

  public RatingId(int userId, int movieId) {
    this.userId = userId;
    this.movieId = movieId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RatingId id && id.userId == userId && id.movieId == movieId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, movieId);
  }
}

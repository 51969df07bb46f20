package app.movierec.ratings;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns every star rating has: who, which movie, how many stars (0.5 to 5.0 in half stars),
 * when. The two tables key them differently, so the user and movie columns are declared by each.
 * Mapped by {@link Rating} (MovieLens' ratings, owned by the import) and {@link LiveRating}
 * (ratings given in the app, which a re-import never touches): two tables on purpose, one shape.
 */
@MappedSuperclass
public abstract class StarRating {

  @Column(name = "stars", nullable = false)
  private float rating;

  /** Seconds since the epoch, as in MovieLens. */
  @Column(name = "rated_at", nullable = false)
  private long ratedAt;

  protected StarRating() {}

  /**
   * Why {@code rating} cannot be a star rating, or null when it can: 0.5 to 5.0 in half stars. The
   * one rule for ratings given in the app and ratings imported from MovieLens.
   */
  public static String invalidReason(double rating) {
    if (!(rating >= 0.5 && rating <= 5.0) || rating * 2 != Math.rint(rating * 2)) {
      return "rating must be 0.5 to 5.0 in half stars, got " + rating;
    }
    return null;
  }

  protected StarRating(float rating, long ratedAt) {
    this.rating = rating;
    this.ratedAt = ratedAt;
  }

  public abstract int getUserId();

  public abstract int getMovieId();

  public float getRating() {
    return rating;
  }

  public long getRatedAt() {
    return ratedAt;
  }
}

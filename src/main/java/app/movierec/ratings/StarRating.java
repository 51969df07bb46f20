package app.movierec.ratings;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns every star rating has: who, which movie, how many stars (0.5 to 5.0 in half stars),
 * when. Mapped by {@link Rating} (MovieLens' ratings, owned by the import) and {@link LiveRating}
 * (ratings given in the app, which a re-import never touches): two tables on purpose, one shape.
 */
@MappedSuperclass
public abstract class StarRating {

  @Id
  @Column(name = "user_id")
  private int userId;

  @Id
  @Column(name = "movie_id")
  private int movieId;

  @Column(name = "stars", nullable = false)
  private float rating;

  /** Seconds since the epoch, as in MovieLens. */
  @Column(name = "rated_at", nullable = false)
  private long ratedAt;

  protected StarRating() {}

  protected StarRating(int userId, int movieId, float rating, long ratedAt) {
    this.userId = userId;
    this.movieId = movieId;
    this.rating = rating;
    this.ratedAt = ratedAt;
  }

  public int getUserId() {
    return userId;
  }

  public int getMovieId() {
    return movieId;
  }

  public float getRating() {
    return rating;
  }

  public long getRatedAt() {
    return ratedAt;
  }
}

package app.movierec.ratings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A user's star rating of a movie (0.5 to 5.0 in half stars), from MovieLens' ratings.csv. */
@Entity
@Table(name = "rating")
@IdClass(RatingId.class)
public class Rating {

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

  protected Rating() {}

  public Rating(int userId, int movieId, float rating, long ratedAt) {
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

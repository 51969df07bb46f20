package app.movierec.ratings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A rating given in the running app (by a visitor or a MovieLens user), in table {@code
 * live_rating}. A MovieLens re-import never touches this table, so live ratings survive restarts
 * and re-imports; for the same (user, movie) pair a live rating replaces the MovieLens one.
 */
@Entity
@Table(name = "live_rating")
@IdClass(RatingId.class)
public class LiveRating extends StarRating {

  @Id
  @Column(name = "user_id")
  private int userId;

  @Id
  @Column(name = "movie_id")
  private int movieId;

  protected LiveRating() {}

  public LiveRating(int userId, int movieId, float rating, long ratedAt) {
    super(rating, ratedAt);
    this.userId = userId;
    this.movieId = movieId;
  }

  @Override
  public int getUserId() {
    return userId;
  }

  @Override
  public int getMovieId() {
    return movieId;
  }
}

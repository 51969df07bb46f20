package app.movierec.ratings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's star rating of a movie from MovieLens' ratings.csv; the import replaces the whole table.
 *
 * <p>Keyed by one BIGINT, {@link #key(int, int) user_id * 2^32 + movie_id}: ordered by user, then
 * movie, like ratings.csv. H2 stores a table with a single integer primary key in that key's order
 * with no separate index, so the import appends 25 million rows without building one afterwards
 * (migration V12), and a user's ratings are one key range.
 */
@Entity
@Table(name = "rating")
public class Rating extends StarRating {

  @Id
  @Column(name = "rating_key")
  private long key;

  @Column(name = "user_id", nullable = false)
  private int userId;

  @Column(name = "movie_id", nullable = false)
  private int movieId;

  protected Rating() {}

  public Rating(int userId, int movieId, float rating, long ratedAt) {
    super(rating, ratedAt);
    this.key = key(userId, movieId);
    this.userId = userId;
    this.movieId = movieId;
  }

  /** The primary key of user {@code userId}'s rating of movie {@code movieId} (both positive). */
  public static long key(int userId, int movieId) {
    return ((long) userId << 32) | (movieId & 0xFFFF_FFFFL);
  }

  /** The smallest key of user {@code userId}'s ratings. */
  static long firstKey(int userId) {
    return (long) userId << 32;
  }

  /** The largest key of user {@code userId}'s ratings. */
  static long lastKey(int userId) {
    return ((long) userId << 32) | 0xFFFF_FFFFL;
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

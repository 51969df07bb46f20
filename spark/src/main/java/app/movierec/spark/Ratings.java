package app.movierec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one shape every source is turned into, the app's table columns: {@code user_id int, movie_id
 * int, stars float, rated_at bigint} (seconds since the epoch), one row per (user, movie) pair.
 */
final class Ratings {

  static final String USER = "user_id";
  static final String MOVIE = "movie_id";
  static final String STARS = "stars";
  static final String RATED_AT = "rated_at";

  /** Which of two ratings of the same pair wins: the higher priority, then the later one. */
  static final String PRIORITY = "priority";

  private Ratings() {}

  /**
   * One row per (user, movie): of several ratings of a pair the one with the highest {@link
   * #PRIORITY} wins (a live rating over the MovieLens one), among equals the latest.
   */
  static Dataset<Row> latestPerPair(Dataset<Row> ratings) {
    return ratings
        .groupBy(col(USER), col(MOVIE))
        .agg(max(struct(col(PRIORITY), col(RATED_AT), col(STARS))).as("latest"))
        .select(
            col(USER),
            col(MOVIE),
            col("latest." + STARS).as(STARS),
            col("latest." + RATED_AT).as(RATED_AT));
  }

  /** Counts of a checked rating set. */
  record Summary(long ratings) {}

  /**
   * Counts the ratings and fails with an example row when an id or the stars are missing or the
   * stars are not a positive number: Spark's implicit ALS would read {@code stars <= 0} as "not
   * liked", which the app's model has no way to say.
   */
  static Summary check(Dataset<Row> ratings, String source) {
    Column invalid =
        col(USER)
            .isNull()
            .or(col(MOVIE).isNull())
            .or(col(STARS).isNull())
            .or(isnan(col(STARS)))
            .or(col(STARS).leq(0))
            .or(col(STARS).equalTo(Float.POSITIVE_INFINITY));
    Row counts =
        ratings
            .agg(count(lit(1)).as("all"), sum(when(invalid, 1).otherwise(0)).as("invalid"))
            .first();
    long all = counts.getLong(0);
    long bad = counts.isNullAt(1) ? 0 : counts.getLong(1);
    if (all == 0) {
      throw new JobException("no ratings in " + source);
    }
    if (bad > 0) {
      Row example = ratings.filter(invalid).first();
      throw new JobException(
          bad
              + " of "
              + all
              + " ratings in "
              + source
              + " lack an id or have stars that are not a positive number, e.g. (user_id, movie_id,"
              + " stars, rated_at) = "
              + example);
    }
    return new Summary(all);
  }
}

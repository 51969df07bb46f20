package app.movierec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Ratings in a file or folder on any Hadoop-compatible path ({@code file:}, {@code hdfs:}, {@code
 * s3a:} with hadoop-aws on the classpath, ...): a MovieLens {@code ratings.csv} (header {@code
 * userId,movieId,rating,timestamp}) or Parquet with either MovieLens' or the app's column names.
 * Should a pair appear twice, the later rating wins.
 */
record FileRatings(String path, Format format) implements RatingSource {

  enum Format {
    CSV,
    PARQUET;

    /** {@code .csv} (also compressed, e.g. {@code .csv.gz}) is CSV, anything else Parquet. */
    static Format guess(String path) {
      String name = path.toLowerCase(Locale.ROOT);
      return name.endsWith(".csv") || name.contains(".csv.") ? CSV : PARQUET;
    }
  }

  private static final StructType MOVIELENS_CSV =
      new StructType()
          .add("userId", DataTypes.IntegerType)
          .add("movieId", DataTypes.IntegerType)
          .add("rating", DataTypes.FloatType)
          .add("timestamp", DataTypes.LongType);

  @Override
  public Dataset<Row> read(SparkSession spark) {
    Dataset<Row> raw =
        switch (format) {
          case CSV ->
              spark
                  .read()
                  .option("header", "true")
                  // check the header's names against the schema instead of trusting the order
                  .option("enforceSchema", "false")
                  .option("mode", "FAILFAST")
                  .schema(MOVIELENS_CSV)
                  .csv(path);
          case PARQUET -> spark.read().parquet(path);
        };
    return Ratings.latestPerPair(normalise(raw).withColumn(Ratings.PRIORITY, lit(0)));
  }

  /** MovieLens' column names or the app's, cast to the app's types. */
  private Dataset<Row> normalise(Dataset<Row> raw) {
    List<String> columns = Arrays.asList(raw.columns());
    if (columns.containsAll(List.of("userId", "movieId", "rating"))) {
      return select(raw, "userId", "movieId", "rating", "timestamp", columns);
    }
    if (columns.containsAll(List.of(Ratings.USER, Ratings.MOVIE, Ratings.STARS))) {
      return select(raw, Ratings.USER, Ratings.MOVIE, Ratings.STARS, Ratings.RATED_AT, columns);
    }
    throw new JobException(
        path
            + " has columns "
            + columns
            + "; expected MovieLens' userId, movieId, rating[, timestamp] or the app's user_id,"
            + " movie_id, stars[, rated_at]");
  }

  private static Dataset<Row> select(
      Dataset<Row> raw,
      String user,
      String movie,
      String stars,
      String ratedAt,
      List<String> columns) {
    Column time = columns.contains(ratedAt) ? col(ratedAt).cast(DataTypes.LongType) : lit(0L);
    return raw.select(
        col(user).cast(DataTypes.IntegerType).as(Ratings.USER),
        col(movie).cast(DataTypes.IntegerType).as(Ratings.MOVIE),
        col(stars).cast(DataTypes.FloatType).as(Ratings.STARS),
        time.as(Ratings.RATED_AT));
  }

  @Override
  public String description() {
    return format.name().toLowerCase(Locale.ROOT) + ":" + path;
  }
}

package app.movierec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.regex.Pattern;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The app's ratings in PostgreSQL: table {@code rating} (MovieLens' ratings) and table {@code
 * live_rating} (ratings given in the app), both {@code (user_id int, movie_id int, stars real,
 * rated_at bigint)}. A live rating replaces the MovieLens rating of the same user and movie, as in
 * the app's own training data.
 *
 * <p>Each table is read in {@code partitions} parallel queries split on {@code user_id} between its
 * minimum and maximum (Spark's JDBC source adds the rows outside the bounds to the first and last
 * partition, so none is lost), fetching {@code fetchSize} rows per round trip; the driver only runs
 * the bounds query.
 */
final class JdbcRatings implements RatingSource {

  private static final Pattern TABLE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");

  private final String url;
  private final String user;
  private final String password;
  private final String ratingTable;
  private final String liveRatingTable;
  private final int partitions;
  private final int fetchSize;

  /**
   * @param user null to take it from the URL
   * @param password null to take it from the URL (or none)
   * @param liveRatingTable null to read only {@code ratingTable}
   */
  JdbcRatings(
      String url,
      String user,
      String password,
      String ratingTable,
      String liveRatingTable,
      int partitions,
      int fetchSize) {
    if (!url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("--jdbc-url must start with jdbc:, got " + redact(url));
    }
    checkTable(ratingTable, "--rating-table");
    if (liveRatingTable != null) {
      checkTable(liveRatingTable, "--live-rating-table");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("--jdbc-partitions must be >= 1, got " + partitions);
    }
    if (fetchSize < 1) {
      throw new IllegalArgumentException("--jdbc-fetch-size must be >= 1, got " + fetchSize);
    }
    this.url = url;
    this.user = user;
    this.password = password;
    this.ratingTable = ratingTable;
    this.liveRatingTable = liveRatingTable;
    this.partitions = partitions;
    this.fetchSize = fetchSize;
  }

  // table names go into SQL text, so they must be plain identifiers
  private static void checkTable(String table, String option) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          option + " must be a table name like rating or schema.rating, got '" + table + "'");
    }
  }

  @Override
  public Dataset<Row> read(SparkSession spark) {
    Dataset<Row> ratings = table(spark, ratingTable).withColumn(Ratings.PRIORITY, lit(0));
    if (liveRatingTable != null) {
      ratings =
          ratings.unionByName(table(spark, liveRatingTable).withColumn(Ratings.PRIORITY, lit(1)));
    }
    return Ratings.latestPerPair(ratings);
  }

  /** One table, read in parallel by ranges of user_id. */
  Dataset<Row> table(SparkSession spark, String table) {
    Row bounds =
        reader(spark)
            .option(
                "query",
                "select min("
                    + Ratings.USER
                    + ") as lo, max("
                    + Ratings.USER
                    + ") as hi from "
                    + table)
            .load()
            .first();
    DataFrameReader reader = reader(spark).option("dbtable", table);
    if (!bounds.isNullAt(0)) {
      long lo = ((Number) bounds.get(0)).longValue();
      long hi = ((Number) bounds.get(1)).longValue();
      reader =
          reader
              .option("partitionColumn", Ratings.USER)
              .option("lowerBound", lo)
              // the stride is (upper - lower) / partitions; with hi + 1 the ids lo..hi split evenly
              .option("upperBound", hi + 1)
              .option("numPartitions", partitions);
    }
    return reader
        .load()
        .select(
            col(Ratings.USER).cast(DataTypes.IntegerType).as(Ratings.USER),
            col(Ratings.MOVIE).cast(DataTypes.IntegerType).as(Ratings.MOVIE),
            col(Ratings.STARS).cast(DataTypes.FloatType).as(Ratings.STARS),
            col(Ratings.RATED_AT).cast(DataTypes.LongType).as(Ratings.RATED_AT));
  }

  private DataFrameReader reader(SparkSession spark) {
    DataFrameReader reader =
        spark.read().format("jdbc").option("url", url).option("fetchsize", fetchSize);
    if (url.startsWith("jdbc:postgresql:")) {
      // named, so that executors find it whether it came with spark-submit's packages or jars
      reader = reader.option("driver", "org.postgresql.Driver");
    }
    if (user != null) {
      reader = reader.option("user", user);
    }
    if (password != null) {
      reader = reader.option("password", password);
    }
    return reader;
  }

  int partitions() {
    return partitions;
  }

  @Override
  public String description() {
    return redact(url)
        + " tables "
        + ratingTable
        + (liveRatingTable == null ? "" : " + " + liveRatingTable)
        + " ("
        + partitions
        + " partitions by user_id)";
  }

  /** The URL without the value of a {@code password} parameter. */
  static String redact(String url) {
    return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
  }

  @Override
  public String toString() {
    return description();
  }
}

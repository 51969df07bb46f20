package app.movierec.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Where the job reads its ratings from. */
interface RatingSource {

  /**
   * The ratings as {@link Ratings}' columns, one row per (user, movie); lazy, like any Spark
   * dataset.
   */
  Dataset<Row> read(SparkSession spark);

  /** What was read, for messages and {@code model.properties}; never contains a password. */
  String description();
}

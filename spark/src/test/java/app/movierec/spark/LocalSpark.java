package app.movierec.spark;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/** One small local Spark session for the tests (quiet, no UI). */
final class LocalSpark {

  private LocalSpark() {}

  static SparkSession session() {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("movierec-spark-job-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  /** A fixture file in src/test/resources. */
  static Path resource(String name) {
    try {
      return Paths.get(LocalSpark.class.getResource("/" + name).toURI());
    } catch (Exception e) {
      throw new IllegalStateException("test fixture " + name + " not found", e);
    }
  }
}

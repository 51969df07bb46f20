package app.movierec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRatingsTest {

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session();
  }

  private static FileRatings csv(String fixture) {
    return new FileRatings(LocalSpark.resource(fixture).toString(), FileRatings.Format.CSV);
  }

  @Test
  void reads_movielens_csv_and_keeps_the_later_of_two_ratings_of_a_pair() {
    Map<String, Float> stars = starsByPair(csv("ratings.csv").read(spark));

    assertThat(stars).hasSize(19);
    assertThat(stars.get("6/1")).isEqualTo(2.0f);
    assertThat(stars.get("1/3")).isEqualTo(4.5f);
  }

  @Test
  void reads_parquet_with_the_apps_column_names(@TempDir Path dir) {
    StructType schema =
        new StructType()
            .add("user_id", DataTypes.IntegerType)
            .add("movie_id", DataTypes.IntegerType)
            .add("stars", DataTypes.FloatType)
            .add("rated_at", DataTypes.LongType);
    String path = dir.resolve("ratings.parquet").toString();
    spark
        .createDataFrame(
            List.of(RowFactory.create(7, 70, 3.5f, 1L), RowFactory.create(8, 80, 5.0f, 2L)), schema)
        .write()
        .parquet(path);

    Map<String, Float> stars =
        starsByPair(new FileRatings(path, FileRatings.Format.guess(path)).read(spark));

    assertThat(stars).containsOnly(Map.entry("7/70", 3.5f), Map.entry("8/80", 5.0f));
  }

  @Test
  void guesses_csv_from_the_file_name_and_parquet_otherwise() {
    assertThat(FileRatings.Format.guess("hdfs://nn/ml/ratings.csv"))
        .isEqualTo(FileRatings.Format.CSV);
    assertThat(FileRatings.Format.guess("/data/ratings.CSV.gz")).isEqualTo(FileRatings.Format.CSV);
    assertThat(FileRatings.Format.guess("s3a://bucket/ratings/"))
        .isEqualTo(FileRatings.Format.PARQUET);
  }

  @Test
  void a_header_in_another_order_is_refused() {
    assertThatThrownBy(() -> csv("bad-header.csv").read(spark).collectAsList())
        .satisfies(
            e ->
                assertThat(TrainAlsJob.describe(e))
                    .contains("bad-header.csv")
                    .contains("Header: movieId, userId")
                    .contains("Schema: userId, movieId"));
  }

  @Test
  void a_malformed_row_is_refused_and_shown() {
    // the stars must be used (as the job does): Spark's CSV reader skips parsing unused columns
    assertThatThrownBy(() -> csv("malformed.csv").read(spark).collectAsList())
        .satisfies(e -> assertThat(TrainAlsJob.describe(e)).contains("MALFORMED").contains("five"));
  }

  @Test
  void stars_that_are_not_positive_are_refused_with_an_example() {
    FileRatings zero = csv("zero-stars.csv");
    Dataset<Row> ratings = zero.read(spark);

    assertThatThrownBy(() -> Ratings.check(ratings, zero.description()))
        .isInstanceOf(JobException.class)
        .hasMessageContaining("1 of 2 ratings")
        .hasMessageContaining("zero-stars.csv")
        .hasMessageContaining("[1,2,0.0,");
  }

  private static Map<String, Float> starsByPair(Dataset<Row> ratings) {
    Map<String, Float> stars = new HashMap<>();
    for (Row row : ratings.collectAsList()) {
      stars.put(row.getInt(0) + "/" + row.getInt(1), row.getFloat(2));
    }
    return stars;
  }
}

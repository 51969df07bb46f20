package app.movierec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The JDBC source against a real PostgreSQL server with the app's two rating tables: partitioned
 * reads return every row, live ratings replace MovieLens ones, and the whole job trains from the
 * database.
 */
class JdbcRatingsTest {

  // users with gaps and a wide id range, three ratings each: movie = user % 7 + 1, + 2, + 3
  private static final int[] USERS = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987};
  private static final int RATINGS_PER_USER = 3;

  private static PostgresServer server;
  private static SparkSession spark;

  @BeforeAll
  static void startServerAndLoadTables() throws Exception {
    server = PostgresServer.start();
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      for (String table : List.of("rating", "live_rating", "empty_rating")) {
        statement.execute(
            "create table "
                + table
                + " (user_id int not null, movie_id int not null, stars real not null,"
                + " rated_at bigint not null, primary key (user_id, movie_id))");
      }
      try (PreparedStatement insert =
          connection.prepareStatement("insert into rating values (?, ?, ?, ?)")) {
        for (int userId : USERS) {
          for (int k = 1; k <= RATINGS_PER_USER; k++) {
            insert.setInt(1, userId);
            insert.setInt(2, userId % 7 + k);
            insert.setFloat(3, 0.5f * (1 + (userId + k) % 10));
            insert.setLong(4, 1_000_000_000L + userId * 10L + k);
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
      // user 3 changes their MovieLens rating of movie 4 (3 % 7 + 1) in the app; user 610 rates a
      // new movie; a visitor (id 5000, beyond the rating table's bounds) rates two movies
      statement.execute(
          "insert into live_rating values (3, 4, 1.0, 2000000000), (610, 99, 4.5, 2000000001),"
              + " (5000, 1, 5.0, 2000000002), (5000, 2, 3.5, 2000000003)");
    }
    spark = LocalSpark.session();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static JdbcRatings source(String liveTable, int partitions) {
    return new JdbcRatings(server.url(), "postgres", null, "rating", liveTable, partitions, 7);
  }

  @Test
  void partitioned_read_returns_every_row_in_the_requested_partitions() {
    Dataset<Row> table = source("live_rating", 4).table(spark, "rating");

    assertThat(table.rdd().getNumPartitions()).isEqualTo(4);
    List<Integer> rowsPerPartition = table.javaRDD().glom().map(List::size).collect();
    assertThat(rowsPerPartition).hasSize(4).allSatisfy(rows -> assertThat(rows).isPositive());
    Set<String> rows =
        table.collectAsList().stream()
            .map(row -> row.getInt(0) + "/" + row.getInt(1) + "/" + row.getFloat(2))
            .collect(Collectors.toSet());
    assertThat(rows).hasSize(USERS.length * RATINGS_PER_USER);
    assertThat(rows).contains("987/" + (987 % 7 + 1) + "/" + 0.5f * (1 + (987 + 1) % 10));
  }

  @Test
  void live_ratings_replace_movielens_ratings_of_the_same_user_and_movie() {
    Map<String, Float> stars = starsByPair(source("live_rating", 3).read(spark));

    // 45 MovieLens ratings, one replaced, three new
    assertThat(stars).hasSize(USERS.length * RATINGS_PER_USER + 3);
    assertThat(stars.get("3/4")).isEqualTo(1.0f);
    assertThat(stars.get("3/5")).isEqualTo(0.5f * (1 + (3 + 2) % 10));
    assertThat(stars.get("610/99")).isEqualTo(4.5f);
    assertThat(stars.get("5000/1")).isEqualTo(5.0f);
  }

  @Test
  void without_live_ratings_reads_the_rating_table_alone() {
    Map<String, Float> stars = starsByPair(source(null, 2).read(spark));

    assertThat(stars).hasSize(USERS.length * RATINGS_PER_USER);
    assertThat(stars.get("3/4")).isEqualTo(0.5f * (1 + (3 + 1) % 10));
  }

  @Test
  void an_empty_live_rating_table_is_read_without_bounds() {
    Map<String, Float> stars = starsByPair(source("empty_rating", 4).read(spark));

    assertThat(stars).hasSize(USERS.length * RATINGS_PER_USER);
  }

  @Test
  void table_names_must_be_plain_identifiers_and_passwords_stay_out_of_messages() {
    assertThatThrownBy(
            () -> new JdbcRatings(server.url(), null, null, "rating; drop table x", null, 2, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rating-table");
    JdbcRatings withPassword =
        new JdbcRatings(
            "jdbc:postgresql://db/movierec?user=app&password=secret&ssl=true",
            null,
            null,
            "rating",
            "live_rating",
            2,
            100);
    assertThat(withPassword.description())
        .doesNotContain("secret")
        .contains("password=***")
        .contains("ssl=true");
  }

  @Test
  void the_job_trains_from_the_database_and_exports_every_user(@TempDir Path dir) throws Exception {
    Path export = dir.resolve("export");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine job = TrainAlsJob.commandLine();
    job.setOut(new PrintWriter(out));
    job.setErr(new PrintWriter(err));

    int exit =
        job.execute(
            "--jdbc-url", server.url(),
            "--jdbc-user", "postgres",
            "--jdbc-partitions", "3",
            "--master", "local[2]",
            "--rank", "3",
            "--max-iter", "3",
            "--blocks", "2",
            "--out", export.toString());

    assertThat(exit).as("stdout: %s%nstderr: %s", out, err).isZero();
    assertThat(out.toString()).contains("read 48 ratings from " + server.url());
    // 15 MovieLens users and the visitor
    assertThat(Files.readAllLines(export.resolve("user-factors.csv"))).hasSize(1 + 16);
    assertThat(Files.readString(export.resolve("model.properties")))
        .contains("ratings=48")
        .contains("users=16")
        .contains("tables rating + live_rating (3 partitions by user_id)");
  }

  private static Map<String, Float> starsByPair(Dataset<Row> ratings) {
    Map<String, Float> stars = new HashMap<>();
    for (Row row : ratings.collectAsList()) {
      String pair = row.getInt(0) + "/" + row.getInt(1);
      assertThat(stars.put(pair, row.getFloat(2))).as("pair %s appears once", pair).isNull();
    }
    return stars;
  }
}

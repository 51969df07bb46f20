package app.movierec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole job on a small CSV: options, the export folder and its errors. */
class TrainAlsJobTest {

  @BeforeAll
  static void startSpark() {
    // shared with the other test classes; the job leaves a session it did not create running
    LocalSpark.session();
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine job = TrainAlsJob.commandLine();
    job.setOut(new PrintWriter(out));
    job.setErr(new PrintWriter(err));
    int exit = job.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Run train(Path export, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--ratings", LocalSpark.resource("ratings.csv").toString(),
                "--master", "local[2]",
                "--rank", "4",
                "--max-iter", "4",
                "--blocks", "2",
                "--out", export.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void exports_a_factor_row_per_user_and_movie_with_the_settings(@TempDir Path dir)
      throws IOException {
    Path export = dir.resolve("als");

    Run result = train(export, "--reg-param", "0.25", "--alpha", "3");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).contains("read 19 ratings").contains("exported 6 user and 8 movie");
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(export.resolve("model.properties"))) {
      properties.load(reader);
    }
    assertThat(properties)
        .containsEntry("format", "movierec-als-factors")
        .containsEntry("formatVersion", "1")
        .containsEntry("rank", "4")
        .containsEntry("regParam", "0.25")
        .containsEntry("alpha", "3.0")
        .containsEntry("maxIter", "4")
        .containsEntry("implicitPrefs", "true")
        .containsEntry("nonnegative", "false")
        .containsEntry("ratings", "19")
        .containsEntry("users", "6")
        .containsEntry("items", "8");
    assertThat(properties.getProperty("source")).startsWith("csv:").endsWith("ratings.csv");
    List<String> users = Files.readAllLines(export.resolve("user-factors.csv"));
    assertThat(users.get(0)).isEqualTo("userId,f1,f2,f3,f4");
    assertThat(users.subList(1, users.size()))
        .extracting(line -> line.substring(0, line.indexOf(',')))
        .containsExactly("1", "2", "3", "4", "5", "6");
    List<String> movies = Files.readAllLines(export.resolve("item-factors.csv"));
    assertThat(movies.get(0)).startsWith("movieId,");
    assertThat(movies).hasSize(1 + 8).allSatisfy(line -> assertThat(line.split(",")).hasSize(5));
    // nothing else beside the export: no temporary folders, no Hadoop .crc files
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(export);
    }
    try (Stream<Path> files = Files.list(export)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder("model.properties", "user-factors.csv", "item-factors.csv");
    }
  }

  @Test
  void refuses_an_existing_export_unless_told_to_overwrite_it(@TempDir Path dir)
      throws IOException {
    Path export = Files.createDirectories(dir.resolve("als"));
    Files.writeString(export.resolve("old.txt"), "old");

    Run refused = train(export);
    Run replaced = train(export, "--overwrite");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("already exists").contains("--overwrite");
    assertThat(replaced.exit()).as(replaced.err()).isZero();
    assertThat(export.resolve("old.txt")).doesNotExist();
    assertThat(export.resolve("model.properties")).exists();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(export);
    }
  }

  @Test
  void a_missing_input_is_a_data_error_and_leaves_no_export(@TempDir Path dir) {
    Run result =
        run(
            "--ratings", dir.resolve("nowhere.csv").toString(),
            "--master", "local[2]",
            "--out", dir.resolve("als").toString());

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("nowhere.csv");
    assertThat(dir.resolve("als")).doesNotExist();
  }

  @Test
  void invalid_ratings_are_a_data_error_naming_the_source(@TempDir Path dir) {
    Run result =
        run(
            "--ratings", LocalSpark.resource("zero-stars.csv").toString(),
            "--master", "local[2]",
            "--out", dir.resolve("als").toString());

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("zero-stars.csv").contains("not a positive number");
  }

  @Test
  void bad_options_print_the_usage(@TempDir Path dir) {
    Run zeroRank =
        run(
            "--ratings",
            "r.csv",
            "--master",
            "local[2]",
            "--rank",
            "0",
            "--out",
            dir.resolve("x").toString());
    Run noSource = run("--out", dir.resolve("x").toString());
    Run twoSources =
        run("--ratings", "r.csv", "--jdbc-url", "jdbc:postgresql://db/x", "--out", "x");

    assertThat(zeroRank.exit()).isEqualTo(2);
    assertThat(zeroRank.err()).contains("--rank must be between 1 and 1024").contains("Usage:");
    assertThat(noSource.exit()).isEqualTo(2);
    assertThat(noSource.err()).contains("--ratings").contains("--jdbc-url");
    assertThat(twoSources.exit()).isEqualTo(2);
    assertThat(twoSources.err()).contains("mutually exclusive");
  }

  @Test
  void the_usage_documents_every_option() {
    Run help = run("--help");

    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("--ratings=PATH")
        .contains("--jdbc-url=URL")
        .contains("MOVIEREC_JDBC_PASSWORD")
        .contains("--jdbc-partitions=N")
        .contains("--reg-param")
        .contains("--alpha")
        .contains("default 128");
  }
}

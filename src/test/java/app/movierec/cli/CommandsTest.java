package app.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.TrainingData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

  private static final String MINI = "src/test/resources/engine/mini-movielens";
  private static final String MINI_GENOME = "src/test/resources/engine/mini-genome";
  private static final String[] SMALL_ALS = {
    "--factors", "4", "--iterations", "5", "--regularization", "0.5"
  };

  @TempDir Path folder;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void knows_its_command_names() {
    assertThat(Commands.isBatch(new String[] {"recommend"})).isTrue();
    assertThat(Commands.isBatch(new String[] {"evaluate"})).isTrue();
    assertThat(Commands.isBatch(new String[] {"benchmark"})).isTrue();
    assertThat(Commands.isBatch(new String[] {"--server.port=8080"})).isFalse();
    assertThat(Commands.isBatch(new String[] {"--server.port=8080", "recommend"})).isFalse();
    assertThat(Commands.isBatch(new String[0])).as("no argument: the web app").isFalse();
    assertThat(Commands.isBatch(new String[] {"recommend", "--help"})).isTrue();
  }

  @Test
  void help_alone_lists_the_commands_instead_of_starting_the_web_app() {
    assertThat(Commands.isBatch(new String[] {"--help"})).isTrue();
    assertThat(Commands.isBatch(new String[] {"--version"})).isTrue();

    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("recommend")
        .contains("evaluate")
        .contains("loadtest")
        .contains("Without a command (only --options");
  }

  @Test
  void a_misspelt_command_is_a_usage_error_that_suggests_the_right_one() {
    String[] misspelt = {"load-test", "--url", "http://localhost:8080"};
    assertThat(Commands.isBatch(misspelt)).as("not the web app").isTrue();

    assertThat(run(misspelt)).isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown command 'load-test' (did you mean loadtest?)")
        .contains("the commands are recommend, evaluate, benchmark, loadtest, synthesize")
        .hasLineCount(1);
    err.reset();
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown command 'frobnicate';").doesNotContain("mean");
  }

  @Test
  void recommend_writes_the_top_n_unseen_movies_of_every_user_best_first() throws IOException {
    Path csv = folder.resolve("out/recs.csv");

    int code =
        run(
            concat(
                new String[] {
                  "recommend",
                  "--data",
                  MINI,
                  "--mode",
                  "hybrid",
                  "--als-weight",
                  "0.7",
                  "--n",
                  "3",
                  "--out",
                  csv.toString()
                },
                SMALL_ALS));

    assertThat(code).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.getFirst()).isEqualTo("userId,movieId,score");
    Map<Long, Set<Long>> rated = ratedMovies();
    Map<Long, List<Double>> scoresByUser = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      long userId = Long.parseLong(fields[0]);
      assertThat(rated.get(userId)).doesNotContain(Long.parseLong(fields[1]));
      scoresByUser
          .computeIfAbsent(userId, id -> new java.util.ArrayList<>())
          .add(Double.parseDouble(fields[2]));
    }
    assertThat(scoresByUser)
        .hasSize(8)
        .allSatisfy(
            (userId, scores) -> {
              assertThat(scores).hasSize(3);
              assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            });
  }

  @Test
  void recommend_in_every_mode_with_the_genome() throws IOException {
    for (String mode : List.of("als", "content", "hybrid")) {
      Path csv = folder.resolve(mode + ".csv");

      int code =
          run(
              concat(
                  new String[] {
                    "recommend",
                    "--data",
                    MINI,
                    "--genome",
                    MINI_GENOME,
                    "--mode",
                    mode,
                    "--n",
                    "2",
                    "--out",
                    csv.toString()
                  },
                  SMALL_ALS));

      assertThat(code).as(mode + ": " + err).isZero();
      assertThat(Files.readAllLines(csv)).hasSize(1 + 8 * 2);
    }
  }

  @Test
  void evaluate_prints_every_model_and_writes_csv() throws IOException {
    Path csv = folder.resolve("eval.csv");

    int code =
        run(
            concat(
                new String[] {"evaluate", "--data", MINI, "--k", "3", "--out", csv.toString()},
                SMALL_ALS));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("popularity", "als", "content", "hybrid@0.50", "nDCG@3");
    assertThat(Files.readAllLines(csv))
        .hasSize(1 + 4 + 11)
        .first()
        .isEqualTo("model,k,precision,recall,ndcg,map,coverage,users");
  }

  @Test
  void benchmark_prints_speed_figures() {
    int code =
        run(
            "benchmark",
            "--data",
            MINI,
            "--factors",
            "4",
            "--iterations",
            "2",
            "--fits",
            "1",
            "--synthetic-ratings",
            "20000",
            "--synthetic-iterations",
            "1");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "ALS fit (4 factors, 2 iterations)",
            "score all",
            "re-blend",
            "s per iteration",
            "peak heap");
  }

  @Test
  void benchmark_of_a_ratings_file_prints_per_iteration_cpu_and_peak_memory() {
    int code =
        run(
            "benchmark",
            "--ratings",
            MINI + "/ratings.csv",
            "--factors",
            "4",
            "--iterations",
            "2",
            "--threads",
            "2");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("fit 1 iteration 2 of 2:", "s CPU", "peak during the fits")
        .containsPattern(
            "RESULT project factors=4 iterations=2 fits=1 .*per_iteration_cpu=[0-9.]+ .*"
                + "peak_rss_mb=[0-9]+ .*peak_heap_mb=[0-9]+");
  }

  @Test
  void bad_arguments_print_one_usage_line_and_exit_with_2() {
    assertThat(run("recommend", "--data", MINI, "--mode", "magic", "--n", "3", "--out", "x.csv"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("mode must be hybrid, als or content, got 'magic'")
        .contains("usage: java -jar movie-recommender.jar recommend")
        .doesNotContain("Exception")
        .hasLineCount(1);
    assertThat(run("recommend", "--data", MINI, "--mode", "als", "--out", "x.csv")).isEqualTo(2);
    assertThat(run("evaluate", "--data", MINI, "--k", "zero")).isEqualTo(2);
    assertThat(run("evaluate", "--data", MINI, "--bogus", "1")).isEqualTo(2);
    assertThat(run("evaluate", "--data", MINI, "--factors", "0")).isEqualTo(2);
    assertThat(run("evaluate", "--data")).isEqualTo(2);
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(
            run(
                "recommend",
                "--data",
                MINI,
                "--mode",
                "als",
                "--n",
                "3",
                "--out",
                "x.csv",
                "--seed",
                "1"))
        .as("the ALS seed is --als-seed; --seed is unknown to recommend")
        .isEqualTo(2);
  }

  @Test
  void help_lists_every_option_a_command_accepts() {
    assertThat(run("recommend", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--data",
            "--genome",
            "--mode",
            "--als-weight",
            "--n",
            "--out",
            "--factors",
            "--iterations",
            "--regularization",
            "--scale-regularization",
            "--alpha",
            "--confidence",
            "--cg-steps",
            "--als-seed");
    out.reset();
    assertThat(run("evaluate", "--help")).isZero();
    assertThat(out.toString())
        .contains("--seed", "seed of the split", "--als-seed", "--given", "--cold-users");
    out.reset();
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("recommend", "evaluate", "benchmark", "loadtest");
  }

  @Test
  void a_missing_data_folder_or_file_exits_with_1_naming_it() throws IOException {
    assertThat(run("evaluate", "--data", folder.resolve("nowhere").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("data folder not found").contains("nowhere");

    Path incomplete = Files.createDirectories(folder.resolve("incomplete"));
    Files.copy(Path.of(MINI, "movies.csv"), incomplete.resolve("movies.csv"));
    err.reset();
    assertThat(run("evaluate", "--data", incomplete.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains("ratings.csv: not found in")
        .contains("incomplete")
        .doesNotContain("Exception");
  }

  @Test
  void a_malformed_row_exits_with_1_naming_file_and_line() throws IOException {
    Path broken = Files.createDirectories(folder.resolve("broken"));
    Files.copy(Path.of(MINI, "movies.csv"), broken.resolve("movies.csv"));
    Files.writeString(
        broken.resolve("ratings.csv"),
        "userId,movieId,rating,timestamp\r\n1,1,4.0,1\r\n1,x,4.0,2\r\n");

    assertThat(run("evaluate", "--data", broken.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("ratings.csv line 3: movieId 'x' is not a whole number");
  }

  @Test
  void commands_read_quoted_fields_crlf_and_the_genome_through_the_shared_reader() {
    TrainingData data = DataFolder.of(Path.of(MINI), Path.of(MINI_GENOME)).load();

    assertThat(data.movieIds()).hasSize(13);
    assertThat(data.genres().get(12)).isEmpty();
    assertThat(data.genres().get(0)).contains("Animation", "Fantasy");
    assertThat(data.userTags().of(5)).containsExactly("twist ending, classic");
    assertThat(data.genome().movieIds()).containsExactly(1, 3, 5, 6);
    assertThat(data.genome().vectorOf(5).orElseThrow()).containsExactly(0.05f, 0.7f, 0.95f, 0.1f);
    assertThat(data.genomeTagNames())
        .containsExactly("animated", "crime, organized", "twist ending", "family");
  }

  @Test
  void evaluate_writes_the_splits_training_ratings_as_movielens_csv() throws IOException {
    Path csv = folder.resolve("split/train.csv");

    int code = run("evaluate", "--data", MINI, "--write-train", csv.toString(), "--seed", "7");

    assertThat(code).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.getFirst()).isEqualTo("userId,movieId,rating,timestamp");
    // 58 ratings, a quarter of each user's held out
    assertThat(lines.size() - 1).isBetween(40, 48);
    assertThat(lines.subList(1, lines.size()))
        .allMatch(line -> line.matches("\\d+,\\d+,[0-9.]+,0"));
    assertThat(out.toString()).contains("wrote the " + (lines.size() - 1) + " training ratings");
    try (var files = Files.list(csv.getParent())) {
      assertThat(files).containsExactly(csv);
    }
  }

  @Test
  void evaluate_scores_exported_als_factors_instead_of_training() {
    int code =
        run(
            "evaluate",
            "--data",
            MINI,
            "--k",
            "3",
            "--als-model",
            "src/test/resources/engine/spark-export");
    int missing = run("evaluate", "--data", MINI, "--als-model", folder.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("imported ALS factors")
        .contains("ALS: f4-reg0.05xn-a2.0-LINEAR-it10-cg0-s42")
        .contains("nDCG@3")
        .doesNotContain("ALS training took");
    assertThat(missing).isEqualTo(Commands.EXIT_DATA);
    assertThat(err.toString()).contains("cannot import ALS factors").contains("model.properties");
  }

  private int run(String... args) {
    return Commands.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static Map<Long, Set<Long>> ratedMovies() throws IOException {
    Map<Long, Set<Long>> rated = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(MINI, "ratings.csv")).subList(1, 59)) {
      String[] fields = line.strip().split(",");
      rated
          .computeIfAbsent(Long.parseLong(fields[0]), id -> new HashSet<>())
          .add(Long.parseLong(fields[1]));
    }
    return rated;
  }
}

package app.movierec.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;

import app.movierec.SharedDatasets;
import app.movierec.catalog.imports.MovieLensFolder;
import app.movierec.cli.Commands;
import app.movierec.common.ProgressListener;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TrainingData;
import app.movierec.recommend.EngineTestData;
import app.movierec.recommend.eval.Evaluator;
import app.movierec.recommend.eval.TrainTestSplit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark MLlib job (built separately in {@code spark/}) against the in-app ALS on real data: the
 * job runs as an external process in {@code local[2]} with its default settings on the training
 * split of ml-latest-small (the {@code evaluate} protocol: per-user 75/25, seed 42), the app
 * imports the export, and the same evaluator scores both models on the held-out ratings.
 *
 * <p>The job is found through the java argument file its build writes ({@code
 * spark/target/spark-job.args}: the add-opens flags Spark needs and the job's classpath), named by
 * the system property {@code movierec.spark-job-args}. Without it, or without the shared data, the
 * test is skipped on a developer's machine and fails where the environment variable {@code CI} is
 * set ({@code .ci/run} builds the job first).
 */
class SparkModelQualityTest {

  private static final int K = 10;
  private static final double TEST_FRACTION = 0.25;
  private static final long SPLIT_SEED = 42;

  @Test
  void spark_trained_model_scores_within_a_hundredth_of_the_in_app_model(@TempDir Path dir)
      throws Exception {
    Path dataDir = SharedDatasets.mlLatestSmall();
    Path jobArgs = sparkJobArgs();
    Path trainCsv = dir.resolve("train.csv");
    Path export = dir.resolve("spark-als");

    // the split's training ratings through the documented command
    assertThat(
            Commands.run(
                new String[] {
                  "evaluate",
                  "--data",
                  dataDir.toString(),
                  "--write-train",
                  trainCsv.toString(),
                  "--seed",
                  "" + SPLIT_SEED
                },
                System.out,
                System.err))
        .isZero();
    long start = System.nanoTime();
    runSparkJob(jobArgs, trainCsv, export);
    double sparkSeconds = (System.nanoTime() - start) / 1e9;

    TrainingData data = MovieLensFolder.load(dataDir, null);
    TrainTestSplit split = TrainTestSplit.of(data, TEST_FRACTION, SPLIT_SEED);
    ExternalAlsFactors.Imported imported = ExternalAlsFactors.load(export, split.train());
    AlsModel spark = imported.model();
    start = System.nanoTime();
    AlsModel inApp =
        new AlsTrainer(AlsConfig.defaults()).train(split.train(), ProgressListener.NONE);
    double inAppSeconds = (System.nanoTime() - start) / 1e9;

    Evaluator.Result sparkResult = evaluate("spark-als", spark, split);
    Evaluator.Result inAppResult = evaluate("in-app-als", inApp, split);
    System.out.println(imported.summary());
    System.out.printf(
        Locale.ROOT,
        "[measure] nDCG@%d on ml-latest-small (split seed %d): Spark %s %.4f (job %.0f s wall"
            + " incl. JVM start), in-app %s %.4f (fit %.1f s)%n",
        K,
        SPLIT_SEED,
        spark.config().cacheKey(),
        sparkResult.ndcg(),
        sparkSeconds,
        inApp.config().cacheKey(),
        inAppResult.ndcg(),
        inAppSeconds);

    assertThat(imported.droppedUsers()).isZero();
    assertThat(imported.droppedMovies()).isZero();
    assertThat(imported.usersWithoutFactors()).isZero();
    assertThat(imported.moviesWithoutFactors()).isZero();
    assertThat(sparkResult.users()).isEqualTo(inAppResult.users());
    assertThat(sparkResult.ndcg()).isCloseTo(inAppResult.ndcg(), within(0.01));
    assertFoldInReproducesSparksUserFactors(spark, split.train());
  }

  /**
   * With the imported config, folding a trained user's own ratings into Spark's movie factors
   * solves the same equations as Spark's last user half-sweep, so it must give back the user's
   * exported vector (up to float rounding).
   */
  private static void assertFoldInReproducesSparksUserFactors(AlsModel model, TrainingData train) {
    double worst = 0;
    for (int userRow = 0; userRow < model.users().size(); userRow += 7) {
      int userId = model.users().idAt(userRow);
      float[] exported = model.trainedVector(userId).orElseThrow().factors();
      float[] folded = model.foldIn(EngineTestData.historyOf(train, userId)).factors();
      worst = Math.max(worst, relativeDistance(folded, exported));
    }
    System.out.printf(
        Locale.ROOT, "[measure] fold-in vs Spark's user factors: max relative error %.2e%n", worst);
    assertThat(worst).isLessThan(1e-3);
  }

  static double relativeDistance(float[] a, float[] b) {
    double difference = 0;
    double norm = 0;
    for (int d = 0; d < a.length; d++) {
      difference += (a[d] - b[d]) * (double) (a[d] - b[d]);
      norm += b[d] * (double) b[d];
    }
    return Math.sqrt(difference / norm);
  }

  /** ALS alone, the movies each test user rated in training excluded, through one evaluator. */
  private static Evaluator.Result evaluate(String name, AlsModel model, TrainTestSplit split) {
    List<Integer> users = split.testUsers();
    List<int[]> lists = new ArrayList<>();
    for (int userId : users) {
      lists.add(
          model.recommend(EngineTestData.historyOf(split.train(), userId), K).stream()
              .mapToInt(ScoredMovie::movieId)
              .toArray());
    }
    return Evaluator.summarise(
        name, split.testMovieIdsByUserId(), K, split.train().movieIds().length, users, lists);
  }

  private static void runSparkJob(Path jobArgs, Path ratings, Path export)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    command.add("@" + jobArgs);
    command.addAll(
        List.of(
            "app.movierec.spark.TrainAlsJob",
            "--master",
            "local[2]",
            "--ratings",
            ratings.toString(),
            "--out",
            export.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread copier =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try (var in = process.getInputStream()) {
                    in.transferTo(new PrintStream(output, true, StandardCharsets.UTF_8));
                  } catch (IOException e) {
                    // the process ended; what was read is kept
                  }
                });
    if (!process.waitFor(30, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("the Spark job did not finish within 30 minutes");
    }
    copier.join(10_000);
    String log = output.toString(StandardCharsets.UTF_8);
    // the job's own lines, not Spark's log
    log.lines()
        .filter(
            line ->
                line.startsWith("read ")
                    || line.startsWith("fitted ")
                    || line.startsWith("exported ")
                    || line.startsWith("train-als:"))
        .forEach(line -> System.out.println("[spark job] " + line));
    assertThat(process.exitValue()).as("Spark job output:%n%s", log).isZero();
  }

  /** The job's java argument file; skipped (or failed under CI) when the Spark build is missing. */
  private static Path sparkJobArgs() {
    String configured = System.getProperty("movierec.spark-job-args", "");
    Path args =
        Path.of(configured.isBlank() ? "spark/target/spark-job.args" : configured)
            .toAbsolutePath()
            .normalize();
    if (Files.isRegularFile(args)) {
      return args;
    }
    String message =
        "Spark job build not found: "
            + args
            + " (build it with ./mvnw -f spark/pom.xml package -DskipTests)";
    if (System.getenv("CI") != null) {
      fail(message + "; CI is set, so .ci/run must build it before the tests");
    }
    Assumptions.abort(message + "; skipping");
    return args;
  }
}

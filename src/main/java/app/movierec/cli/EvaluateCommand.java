package app.movierec.cli;

import app.movierec.recommend.TrainingData;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.ExternalAlsFactors;
import app.movierec.recommend.eval.ColdStartComparison;
import app.movierec.recommend.eval.Evaluator;
import app.movierec.recommend.eval.ModelComparison;
import app.movierec.recommend.eval.TrainTestSplit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code evaluate}: the hold-out protocol on a MovieLens folder (per-user seeded split, every test
 * rating relevant, training movies never recommended), one table row per recommender: popularity,
 * ALS, content, hybrid at ALS weights 0.0 to 1.0. {@code --write-train FILE} writes the split's
 * training ratings as a MovieLens ratings.csv instead (for the Spark job), and {@code --als-model
 * DIR} evaluates ALS factors exported by that job on the same split instead of training ALS here.
 */
final class EvaluateCommand {

  private EvaluateCommand() {}

  static void run(String[] args, PrintStream out) {
    Set<String> known =
        new HashSet<>(
            Set.of(
                "data",
                "genome",
                "k",
                "test-fraction",
                "seed",
                "out",
                "als-seed",
                "given",
                "cold-users",
                "write-train",
                "als-model"));
    known.addAll(Commands.ALS_OPTIONS);
    Options options = Options.parse(args, known);
    Path dataDir = Path.of(options.required("data"));
    int k = options.integer("k", 10, 1, 1000);
    double testFraction = options.number("test-fraction", 0.25, 1e-9, 1 - 1e-9);
    long seed = options.longValue("seed", 42);
    // --seed seeds the split; --als-seed the initial factors
    AlsConfig config = Commands.alsConfig(options, AlsConfig.defaults());
    config = config.withSeed(options.longValue("als-seed", AlsConfig.DEFAULT_SEED));
    Path outFile = options.path("out");

    TrainingData data = DataFolder.load(dataDir, options.path("genome"));
    if (options.has("given")) {
      runColdStart(options, data, dataDir, k, seed, config, outFile, out);
      return;
    }
    TrainTestSplit split = TrainTestSplit.of(data, testFraction, seed);
    if (options.has("write-train")) {
      Path trainFile = options.path("write-train");
      writeRatingsCsv(split.train(), trainFile);
      out.printf(
          Locale.ROOT,
          "wrote the %d training ratings of the split (test fraction %.2f, seed %d) to %s%n",
          split.train().ratingCount(),
          testFraction,
          seed,
          trainFile);
      return;
    }
    out.printf(
        Locale.ROOT,
        "data: %s, %d ratings, %d movies, test fraction %.2f, split seed %d, k=%d%n",
        dataDir,
        data.ratingCount(),
        data.movieIds().length,
        testFraction,
        seed,
        k);
    ModelComparison.Report report;
    if (options.has("als-model")) {
      // factors trained elsewhere (the Spark job) on this split's training ratings
      ExternalAlsFactors.Imported imported = importFactors(options.path("als-model"), split);
      out.println(imported.summary());
      out.println("ALS: " + imported.model().config().cacheKey());
      report = ModelComparison.run(split, imported.model(), 0, k, ModelComparison.tenthSteps());
    } else {
      out.println("ALS: " + config.cacheKey());
      report = ModelComparison.run(split, config, k, ModelComparison.tenthSteps());
    }
    printTable(report.results(), out);
    if (!options.has("als-model")) {
      out.printf(Locale.ROOT, "ALS training took %d ms%n", report.alsTrainingMillis());
    }
    if (outFile != null) {
      writeCsv(report.results(), outFile);
      out.println("wrote " + outFile);
    }
  }

  private static ExternalAlsFactors.Imported importFactors(Path dir, TrainTestSplit split) {
    try {
      return ExternalAlsFactors.load(dir, split.train());
    } catch (IOException e) {
      throw UserInputException.data("cannot import ALS factors: " + e.getMessage());
    }
  }

  /**
   * The ratings as a MovieLens ratings.csv (timestamps 0: the split does not keep them), e.g. for
   * the Spark job to train on exactly the split's training set.
   */
  private static void writeRatingsCsv(TrainingData ratings, Path file) {
    Path temporary = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        writer.write("userId,movieId,rating,timestamp\n");
        int[] userIds = ratings.ratingUserIds();
        int[] movieIds = ratings.ratingMovieIds();
        float[] stars = ratings.ratings();
        for (int k = 0; k < stars.length; k++) {
          writer.write(userIds[k] + "," + movieIds[k] + "," + stars[k] + ",0\n");
        }
      }
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        if (temporary != null) {
          Files.deleteIfExists(temporary);
        }
      } catch (IOException ignored) {
        // the write already failed; that is the error to report
      }
      throw UserInputException.data("cannot write " + file + ": " + e.getMessage());
    }
  }

  /**
   * {@code --given N}: users left out of training who told only N ratings, folded in like the app's
   * visitors.
   */
  private static void runColdStart(
      Options options,
      TrainingData data,
      Path dataDir,
      int k,
      long seed,
      AlsConfig config,
      Path outFile,
      PrintStream out) {
    int given = options.integer("given", 5, 1, 1000);
    double coldUsers = options.number("cold-users", 0.2, 1e-9, 1 - 1e-9);
    out.printf(
        Locale.ROOT,
        "data: %s, %d ratings, %d movies, cold start: %.0f%% of users with more than %d ratings"
            + " left out of training, %d given ratings each, seed %d, k=%d%n",
        dataDir,
        data.ratingCount(),
        data.movieIds().length,
        coldUsers * 100,
        given,
        given,
        seed,
        k);
    out.println("ALS: " + config.cacheKey());
    ColdStartComparison.Report report =
        ColdStartComparison.run(
            data, given, coldUsers, seed, config, k, ModelComparison.tenthSteps());
    out.printf(
        Locale.ROOT,
        "%d cold users evaluated, ALS trained on %d users%n",
        report.coldUsers(),
        report.trainingUsers());
    printTable(report.results(), out);
    out.printf(Locale.ROOT, "ALS training took %d ms%n", report.alsTrainingMillis());
    if (outFile != null) {
      writeCsv(report.results(), outFile);
      out.println("wrote " + outFile);
    }
  }

  static void printTable(List<Evaluator.Result> results, PrintStream out) {
    int k = results.getFirst().k();
    out.printf(
        Locale.ROOT,
        "%-12s %12s %12s %12s %12s %10s %6s%n",
        "model",
        "precision@" + k,
        "recall@" + k,
        "nDCG@" + k,
        "MAP@" + k,
        "coverage",
        "users");
    for (Evaluator.Result r : results) {
      out.printf(
          Locale.ROOT,
          "%-12s %12.4f %12.4f %12.4f %12.4f %10.4f %6d%n",
          r.name(),
          r.precision(),
          r.recall(),
          r.ndcg(),
          r.map(),
          r.coverage(),
          r.users());
    }
  }

  private static void writeCsv(List<Evaluator.Result> results, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      try (PrintWriter writer =
          new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
        writer.println("model,k,precision,recall,ndcg,map,coverage,users");
        for (Evaluator.Result r : results) {
          writer.printf(
              Locale.ROOT,
              "%s,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%d%n",
              r.name(),
              r.k(),
              r.precision(),
              r.recall(),
              r.ndcg(),
              r.map(),
              r.coverage(),
              r.users());
        }
      }
    } catch (IOException e) {
      throw UserInputException.data("cannot write " + file + ": " + e.getMessage());
    }
  }
}

package app.movierec.cli;

import app.movierec.common.TrainingData;
import app.movierec.recommend.HybridTrainer;
import app.movierec.recommend.ModelEvaluation;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.ExternalAlsFactors;
import app.movierec.recommend.eval.ColdMovieSplit;
import app.movierec.recommend.eval.ColdUserSplit;
import app.movierec.recommend.eval.Evaluator;
import app.movierec.recommend.eval.TrainTestSplit;
import app.movierec.recommend.hybrid.BlendSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate}: the hold-out protocol on a MovieLens folder (per-user seeded split, every test
 * rating relevant, training movies never recommended), one table row per recommender: popularity,
 * ALS, content, hybrid at ALS weights 0.0 to 1.0. With {@code --given N}, the cold-start protocol
 * instead; with {@code --cold-movies F} the cold-movie protocol. {@code --write-train FILE} writes
 * the hold-out split's training ratings as a MovieLens ratings.csv (for the Spark job), and {@code
 * --als-model DIR} evaluates ALS factors exported by that job on the same split.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Score popularity, ALS, content and the hybrid on held-out ratings of a MovieLens folder.",
      "Default protocol: each user's ratings split at random into train and test.",
      "With --given N: users left out of training who told only N ratings (cold start)."
    })
final class EvaluateCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataFolder data;

  @Option(
      names = "--k",
      paramLabel = "K",
      defaultValue = "10",
      description = "list length of the metrics (default: ${DEFAULT-VALUE})")
  int k;

  @Option(
      names = "--test-fraction",
      paramLabel = "F",
      defaultValue = "0.25",
      description = "share of each user's ratings held out (default: ${DEFAULT-VALUE})")
  double testFraction;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "seed of the split (the ALS seed is --als-seed; default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--given",
      paramLabel = "N",
      description = "cold start: each cold user tells only N ratings")
  Integer given;

  @Option(
      names = "--cold-users",
      paramLabel = "F",
      defaultValue = "0.2",
      description = "cold start: share of users left out of training (default: ${DEFAULT-VALUE})")
  double coldUsers;

  @Option(
      names = "--cold-movies",
      paramLabel = "F",
      description =
          "cold movies: hold out this share of the rated movies with all their ratings and rank"
              + " them for the users who rated them (use with --k 50)")
  Double coldMovies;

  @Option(
      names = "--write-train",
      paramLabel = "FILE",
      description =
          "only write the hold-out split's training ratings as a MovieLens ratings.csv (for the"
              + " Spark job) and stop")
  Path writeTrain;

  @Option(
      names = "--als-model",
      paramLabel = "DIR",
      description =
          "evaluate ALS factors exported by the Spark job (trained on --write-train's file)"
              + " instead of training ALS here")
  Path alsModel;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "also write an HTML report with charts (open DIR/index.html)")
  Path reportDir;

  @Option(names = "--out", paramLabel = "FILE", description = "also write the table as CSV")
  Path outFile;

  @Mixin AlsOptions als;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (k < 1 || k > 1000) {
      throw UserInputException.usage("--k must be between 1 and 1000, got " + k);
    }
    if (!(testFraction > 0 && testFraction < 1)) {
      throw UserInputException.usage("--test-fraction must lie strictly between 0 and 1");
    }
    if (!(coldUsers > 0 && coldUsers < 1)) {
      throw UserInputException.usage("--cold-users must lie strictly between 0 and 1");
    }
    if (given != null && (given < 1 || given > 1000)) {
      throw UserInputException.usage("--given must be between 1 and 1000, got " + given);
    }
    AlsConfig config = als.applyTo(AlsConfig.defaults());
    HybridTrainer trainer = new HybridTrainer(config);
    TrainingData trainingData = data.load();
    ModelEvaluation.Report report;
    if (coldMovies != null) {
      if (given != null) {
        throw UserInputException.usage("--cold-movies and --given are different protocols");
      }
      if (!(coldMovies > 0 && coldMovies < 1)) {
        throw UserInputException.usage("--cold-movies must lie strictly between 0 and 1");
      }
      ColdMovieSplit split = ColdMovieSplit.of(trainingData, coldMovies, seed);
      out.printf(
          Locale.ROOT,
          "data: %s, %d ratings, %d movies, cold movies: %d (%.0f%% of the rated ones) held out"
              + " with all their ratings, seed %d, ranked among themselves for %d users, k=%d%n",
          data.dataDir,
          trainingData.ratingCount(),
          trainingData.movieIds().length,
          split.coldMovies().length,
          coldMovies * 100,
          seed,
          split.testUsers().size(),
          k);
      out.println("ALS: " + config.cacheKey());
      report = ModelEvaluation.coldMovies(split, trainer, k);
    } else if (given == null) {
      TrainTestSplit split = TrainTestSplit.of(trainingData, testFraction, seed);
      if (writeTrain != null) {
        writeRatingsCsv(split.train(), writeTrain);
        out.printf(
            Locale.ROOT,
            "wrote the %d training ratings of the split (test fraction %.2f, seed %d) to %s%n",
            split.train().ratingCount(),
            testFraction,
            seed,
            writeTrain);
        return Commands.EXIT_OK;
      }
      out.printf(
          Locale.ROOT,
          "data: %s, %d ratings, %d movies, test fraction %.2f, split seed %d, k=%d%n",
          data.dataDir,
          trainingData.ratingCount(),
          trainingData.movieIds().length,
          testFraction,
          seed,
          k);
      if (alsModel != null) {
        // factors trained elsewhere (the Spark job) on this split's training ratings
        ExternalAlsFactors.Imported imported = importFactors(alsModel, split);
        out.println(imported.summary());
        out.println("ALS: " + imported.model().config().cacheKey());
        report =
            ModelEvaluation.holdout(
                split,
                new HybridTrainer(imported.model().config(), trainer.hybridConfig()),
                imported.model(),
                k,
                ModelEvaluation.tenthSteps());
      } else {
        out.println("ALS: " + config.cacheKey());
        report = ModelEvaluation.holdout(split, trainer, k, ModelEvaluation.tenthSteps());
      }
    } else {
      out.printf(
          Locale.ROOT,
          "data: %s, %d ratings, %d movies, cold start: %.0f%% of users with more than %d ratings"
              + " left out of training, %d given ratings each, seed %d, k=%d%n",
          data.dataDir,
          trainingData.ratingCount(),
          trainingData.movieIds().length,
          coldUsers * 100,
          given,
          given,
          seed,
          k);
      out.println("ALS: " + config.cacheKey());
      ColdUserSplit split = ColdUserSplit.of(trainingData, given, coldUsers, seed);
      report = ModelEvaluation.coldUsers(split, trainer, k, ModelEvaluation.tenthSteps());
      out.printf(
          Locale.ROOT,
          "%d cold users evaluated, the model trained on %d users%n",
          split.coldUsers().size(),
          report.trainingUsers());
    }
    printTable(report.results(), out);
    printBlend(report.blend(), out);
    out.printf(Locale.ROOT, "fitting the model took %d ms%n", report.fitMillis());
    if (outFile != null) {
      writeCsv(report.results(), outFile);
      out.println("wrote " + outFile);
    }
    if (reportDir != null) {
      try {
        QualityReport.write(
            reportDir,
            spec.commandLine().getParseResult().originalArgs().toString(),
            report.results(),
            report.blend());
        writeCsv(report.results(), reportDir.resolve("results.csv"));
      } catch (IOException e) {
        throw UserInputException.data("cannot write the report to " + reportDir + ": " + e);
      }
      out.println("wrote " + reportDir.resolve("index.html"));
    }
    return Commands.EXIT_OK;
  }

  private static ExternalAlsFactors.Imported importFactors(Path dir, TrainTestSplit split) {
    try {
      return ExternalAlsFactors.load(dir, split.train());
    } catch (IOException e) {
      throw UserInputException.data("cannot import ALS factors: " + e.getMessage());
    }
  }

  /**
   * The ratings as a MovieLens ratings.csv (timestamps 0: the split does not keep them), written to
   * a temporary file and moved into place, e.g. for the Spark job to train on exactly the split's
   * training set.
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

  /** The blend "hybrid" used: learned on validation data carved from the training part. */
  static void printBlend(BlendSettings blend, PrintWriter out) {
    if (!blend.learned()) {
      out.printf(
          Locale.ROOT, "hybrid: a fixed ALS weight of %.2f (not learned)%n", blend.alsWeight());
      return;
    }
    StringBuilder buckets = new StringBuilder();
    for (BlendSettings.ActivityWeight bucket : blend.byActivity()) {
      buckets.append(
          String.format(
              Locale.ROOT,
              "; %s: %.2f (%d histories)",
              bucket.label(),
              bucket.alsWeight(),
              bucket.users()));
    }
    out.printf(
        Locale.ROOT,
        "hybrid: ALS weight learned on %d validation users of the training part: %.2f overall%s%n",
        blend.validationUsers(),
        blend.alsWeight(),
        buckets);
    StringBuilder curve = new StringBuilder();
    for (BlendSettings.CurvePoint point : blend.curve()) {
      curve.append(String.format(Locale.ROOT, " %.2f:%.4f", point.alsWeight(), point.ndcg()));
    }
    out.println("validation nDCG by ALS weight:" + curve);
  }

  static void printTable(List<Evaluator.Result> results, PrintWriter out) {
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

package app.movierec.cli;

import app.movierec.common.ProgressListener;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import app.movierec.recommend.HybridModel;
import app.movierec.recommend.HybridTrainer;
import app.movierec.recommend.Mode;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.hybrid.BlendWeights;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recommend}: fits the model on a MovieLens folder and writes {@code userId,movieId,score},
 * the top N unseen movies of every user in its ratings, best first (score = the ranking score of
 * the chosen mode).
 */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Fit on a MovieLens folder and write every user's top N unseen movies as CSV.")
final class RecommendCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataFolder data;

  @Option(
      names = "--mode",
      required = true,
      paramLabel = "als|content|hybrid",
      converter = ModeOption.class,
      description = "which scores rank the movies")
  Mode mode;

  @Option(
      names = "--als-weight",
      paramLabel = "W",
      description = "the ALS weight of the hybrid, 0..1 (default: ${DEFAULT-VALUE})",
      defaultValue = "" + BlendWeights.DEFAULT_ALS_WEIGHT)
  double alsWeight;

  @Option(names = "--n", required = true, paramLabel = "N", description = "movies per user")
  int n;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV to write")
  Path outFile;

  @Mixin AlsOptions als;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (spec.commandLine().getParseResult().hasMatchedOption("--als-weight")
        && mode != Mode.HYBRID) {
      throw UserInputException.usage("--als-weight only applies to --mode hybrid");
    }
    if (n < 1 || n > 100_000) {
      throw UserInputException.usage("--n must be between 1 and 100000, got " + n);
    }
    if (!(alsWeight >= 0 && alsWeight <= 1)) {
      throw UserInputException.usage("--als-weight must lie in [0, 1], got " + alsWeight);
    }
    AlsConfig config = als.applyTo(AlsConfig.defaults());
    TrainingData trainingData = data.load();
    long start = System.nanoTime();
    HybridModel model =
        new HybridTrainer(config)
            .fit(trainingData, ProgressListener.NONE)
            .withWeights(mode.weights(alsWeight));
    out.printf(
        Locale.ROOT, "fitted %s in %.1f s%n", config.cacheKey(), (System.nanoTime() - start) / 1e9);

    int lines = 0;
    int users = model.als().users().size();
    try {
      Path parent = outFile.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      try (BufferedWriter writer = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
        writer.write("userId,movieId,score\n");
        for (int userRow = 0; userRow < users; userRow++) {
          int userId = model.als().users().idAt(userRow);
          UserHistory history = model.trainedHistory(userId).orElseThrow();
          List<ScoredMovie> top = model.recommend(history, n);
          for (ScoredMovie movie : top) {
            writer.write(
                userId
                    + ","
                    + movie.movieId()
                    + ","
                    + String.format(Locale.ROOT, "%.6f", movie.score()));
            writer.write('\n');
            lines++;
          }
        }
      }
    } catch (IOException e) {
      throw UserInputException.data("cannot write " + outFile + ": " + e.getMessage());
    }
    out.printf(
        Locale.ROOT,
        "wrote %d recommendations for %d users (%s) to %s%n",
        lines,
        users,
        mode.id(),
        outFile);
    return Commands.EXIT_OK;
  }
}

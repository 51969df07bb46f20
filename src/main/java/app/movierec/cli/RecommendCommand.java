package app.movierec.cli;

import app.movierec.recommend.BlendWeights;
import app.movierec.recommend.Mode;
import app.movierec.recommend.ScoredMovie;
import app.movierec.recommend.TrainingData;
import app.movierec.recommend.UserRatings;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.content.ContentModel;
import app.movierec.recommend.hybrid.HybridRecommender;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code recommend}: trains on a MovieLens folder and writes {@code userId,movieId,score}, the top
 * N unseen movies of every user in its ratings, best first (score = the ranking score of the chosen
 * mode).
 */
final class RecommendCommand {

  private static final int BATCH = 256;

  private RecommendCommand() {}

  static void run(String[] args, PrintStream out) {
    Set<String> known = new HashSet<>(Set.of("data", "genome", "mode", "als-weight", "n", "out"));
    known.addAll(Commands.ALS_OPTIONS);
    Options options = Options.parse(args, known);
    Path dataDir = Path.of(options.required("data"));
    Mode mode = mode(options.required("mode"));
    double alsWeight = options.number("als-weight", BlendWeights.DEFAULT_ALS_WEIGHT, 0, 1);
    if (options.has("als-weight") && mode != Mode.HYBRID) {
      throw UserInputException.usage("--als-weight only applies to --mode hybrid");
    }
    options.required("n");
    int n = options.integer("n", 10, 1, 100_000);
    Path outFile = Path.of(options.required("out"));
    AlsConfig config = Commands.alsConfig(options, AlsConfig.defaults());

    TrainingData data = DataFolder.load(dataDir, options.path("genome"));
    long start = System.nanoTime();
    AlsModel als = new AlsTrainer(config).train(data, AlsTrainer.ProgressListener.NONE);
    ContentModel content = ContentModel.build(data);
    HybridRecommender hybrid = new HybridRecommender(als, content);
    UserRatings ratings = UserRatings.of(data);
    BlendWeights weights = BlendWeights.forMode(mode, alsWeight);
    out.printf(
        Locale.ROOT,
        "trained %s in %.1f s%n",
        config.cacheKey(),
        (System.nanoTime() - start) / 1e9);

    int lines = 0;
    try {
      Path parent = outFile.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      try (BufferedWriter writer = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
        writer.write("userId,movieId,score\n");
        int movieCount = als.movies().size();
        for (int from = 0; from < als.users().size(); from += BATCH) {
          int to = Math.min(als.users().size(), from + BATCH);
          // one ND4J gemm scores a batch of users against every movie
          float[] batch = als.scoreUserRows(from, to);
          for (int userRow = from; userRow < to; userRow++) {
            long userId = als.users().idAt(userRow);
            Map<Long, Double> userRatings = ratings.ratingsOf(userId).orElseThrow();
            float[] alsScores =
                Arrays.copyOfRange(
                    batch, (userRow - from) * movieCount, (userRow - from + 1) * movieCount);
            List<ScoredMovie> top =
                hybrid.blend(
                    hybrid.userScores(
                        alsScores, als.ratedItemRows(userRow), content.profile(userRatings)),
                    weights,
                    n);
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
      }
    } catch (IOException e) {
      throw UserInputException.data("cannot write " + outFile + ": " + e.getMessage());
    }
    out.printf(
        Locale.ROOT,
        "wrote %d recommendations for %d users (%s) to %s%n",
        lines,
        als.users().size(),
        mode.name().toLowerCase(Locale.ROOT),
        outFile);
  }

  private static Mode mode(String name) {
    try {
      return Mode.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw UserInputException.usage("--mode must be als, content or hybrid, got '" + name + "'");
    }
  }
}

package app.movierec.cli;

import app.movierec.recommend.MovieScore;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.eval.Evaluator;
import app.movierec.recommend.eval.PopularityRecommender;
import app.movierec.recommend.eval.TrainTestSplit;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code evaluate}: the hold-out protocol on a MovieLens folder, one table row per recommender. */
final class EvaluateCommand {

  private EvaluateCommand() {}

  static void run(String[] args, PrintStream out) {
    Set<String> known = new HashSet<>(Set.of("data", "genome", "k", "test-fraction", "seed", "out"));
    known.addAll(Commands.ALS_OPTIONS);
    known.add("als-seed");
    Options options = Options.parse(args, known);
    java.nio.file.Path dataDir = java.nio.file.Path.of(options.required("data"));
    int k = options.integer("k", 10, 1, 1000);
    double testFraction = options.number("test-fraction", 0.25, 1e-9, 1 - 1e-9);
    long seed = options.longValue("seed", 42);
    // --seed seeds the split; --als-seed the initial factors
    AlsConfig config = Commands.alsConfig(options, AlsConfig.defaults());
    config = config.withSeed(options.longValue("als-seed", AlsConfig.DEFAULT_SEED));

    MovieLensCsv.Loaded loaded = MovieLensCsv.load(dataDir, options.path("genome"));
    TrainTestSplit split = TrainTestSplit.of(loaded.data(), testFraction, seed);
    int catalogueSize = loaded.data().movieIds().length;
    out.printf("data: %s, %d ratings, test fraction %.2f, seed %d, k=%d%n",
        dataDir, loaded.data().ratingCount(), testFraction, seed, k);
    out.println("ALS: " + config.cacheKey());

    List<Evaluator.Result> results = new ArrayList<>();
    results.add(Evaluator.evaluate("popularity", split, k, catalogueSize, new PopularityRecommender(split.train())));
    long start = System.nanoTime();
    AlsModel als = new AlsTrainer(config).train(split.train(), AlsTrainer.ProgressListener.NONE);
    long trainMillis = (System.nanoTime() - start) / 1_000_000;
    results.add(Evaluator.evaluate("als", split, k, catalogueSize, (userId, n) -> ids(als.recommend(userId, n))));
    printTable(results, out);
    out.printf("ALS training took %d ms%n", trainMillis);
  }

  static long[] ids(List<MovieScore> scores) {
    long[] ids = new long[scores.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = scores.get(i).movieId();
    }
    return ids;
  }

  static void printTable(List<Evaluator.Result> results, PrintStream out) {
    if (results.isEmpty()) {
      return;
    }
    int k = results.get(0).k();
    out.printf("%-16s %12s %12s %12s %12s %10s %6s%n",
        "model", "precision@" + k, "recall@" + k, "nDCG@" + k, "MAP@" + k, "coverage", "users");
    for (Evaluator.Result r : results) {
      out.printf("%-16s %12.4f %12.4f %12.4f %12.4f %10.4f %6d%n",
          r.name(), r.precision(), r.recall(), r.ndcg(), r.map(), r.coverage(), r.users());
    }
  }
}

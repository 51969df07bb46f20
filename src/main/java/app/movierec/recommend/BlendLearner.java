package app.movierec.recommend;

import app.movierec.common.ProgressListener;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import app.movierec.recommend.eval.RankingMetrics;
import app.movierec.recommend.eval.ValidationSplit;
import app.movierec.recommend.hybrid.BlendSettings;
import app.movierec.recommend.hybrid.BlendSettings.ActivityWeight;
import app.movierec.recommend.hybrid.BlendSettings.CurvePoint;
import app.movierec.recommend.hybrid.BlendSettings.ModelQuality;
import app.movierec.recommend.hybrid.BlendWeights;
import app.movierec.recommend.hybrid.HybridConfig;
import app.movierec.recommend.hybrid.StandardScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a model's blend weights on validation data carved from its training data: a sample of
 * users is left out of a validation fit; each one's held-out movies are the relevant ones, and
 * histories of several sizes drawn from the rest of their ratings (3, 10, 30 and 100 ratings, and
 * all of them) stand for users of that activity. nDCG@10 at ALS weights 0, 0.05, ..., 1 gives one
 * curve per activity bucket and one over the whole histories; each takes the weight with the best
 * pessimistic gain over ALS alone ({@link #choose}), so new users can lean on content and heavy
 * users on ALS where the data shows it, and the blend falls back to ALS where it does not.
 */
final class BlendLearner {

  static final int K = 10;
  static final int MIN_RATINGS = 10;
  static final double HELD_OUT = 0.25;
  private static final int[] GIVEN = {3, 10, 30, 100};
  private static final int[][] BUCKETS = {{0, 5}, {6, 20}, {21, 50}, {51, Integer.MAX_VALUE}};

  /** A bucket with fewer validation histories takes the overall weight: too noisy on its own. */
  static final int MIN_HISTORIES_PER_BUCKET = 30;

  /**
   * Standard errors taken off a weight's mean gain over ALS alone before comparing (see choose).
   */
  static final double CONFIDENCE_Z = 1.0;

  private final HybridConfig config;

  BlendLearner(HybridConfig config) {
    this.config = config;
  }

  /**
   * The blend for {@code data}, fitting a validation model with {@code trainer} (which must not
   * learn itself); a fixed blend when there are too few users to validate on.
   */
  BlendSettings learn(TrainingData data, HybridTrainer trainer, ProgressListener progress) {
    ValidationSplit split =
        ValidationSplit.of(
            data,
            config.validationUserFraction(),
            config.maxValidationUsers(),
            MIN_RATINGS,
            HELD_OUT,
            config.maxValidationRatings(),
            config.seed());
    if (split.users().size() < MIN_HISTORIES_PER_BUCKET) {
      return BlendSettings.fixed(config.alsWeight());
    }
    progress.progress("Choosing the blend on " + split.users().size() + " validation users", -1);
    HybridModel model = trainer.fit(split.train(), ProgressListener.NONE);
    double[] weights = grid();
    // one row per validation history: its nDCG at each weight of the grid
    List<double[]> overall = new ArrayList<>();
    List<List<double[]>> byBucket = new ArrayList<>();
    for (int b = 0; b < BUCKETS.length; b++) {
      byBucket.add(new ArrayList<>());
    }
    for (int userId : split.users()) {
      Set<Integer> relevant = split.heldOut().get(userId);
      int told = split.known().get(userId).size();
      List<Integer> sizes = new ArrayList<>();
      for (int given : GIVEN) {
        if (given < told) {
          sizes.add(given);
        }
      }
      sizes.add(told);
      for (int size : sizes) {
        UserHistory history = split.history(userId, size);
        Optional<StandardScores> scores = model.standardScores(history);
        if (scores.isEmpty()) {
          continue;
        }
        // whole histories are served by trained vectors (the overall weight); shorter ones are
        // folded in, as a visitor's or a newer user's are (the weight of their activity bucket)
        double[] row = new double[weights.length];
        for (int w = 0; w < weights.length; w++) {
          List<ScoredMovie> top =
              model.recommend(scores.get(), BlendWeights.ofAlsWeight(weights[w]), K);
          row[w] =
              RankingMetrics.ndcgAtK(
                  top.stream().mapToInt(ScoredMovie::movieId).toArray(), relevant, K);
        }
        boolean whole = size == told;
        (whole ? overall : byBucket.get(bucketOf(history.size()))).add(row);
      }
    }
    List<CurvePoint> overallCurve = curve(weights, overall);
    double overallWeight = choose(weights, overall);
    List<ActivityWeight> buckets = new ArrayList<>();
    for (int b = 0; b < BUCKETS.length; b++) {
      List<double[]> rows = byBucket.get(b);
      double weight =
          rows.size() >= MIN_HISTORIES_PER_BUCKET ? choose(weights, rows) : overallWeight;
      buckets.add(
          new ActivityWeight(
              BUCKETS[b][0], BUCKETS[b][1], weight, rows.size(), curve(weights, rows)));
    }
    BlendSettings chosen =
        new BlendSettings(overallWeight, buckets, overallCurve, split.users().size(), List.of());
    return new BlendSettings(
        overallWeight,
        buckets,
        overallCurve,
        split.users().size(),
        qualities(model, split, chosen));
  }

  /**
   * Popularity, ALS alone, content alone and the hybrid under the chosen blend, on the validation
   * users' whole histories: what the quality page and {@code evaluate --report} show.
   */
  private static List<ModelQuality> qualities(
      HybridModel validationModel, ValidationSplit split, BlendSettings chosen) {
    HybridModel learned = validationModel.withBlend(chosen);
    List<String> names = List.of("popularity", "als", "content", "hybrid");
    List<MovieRecommender> recommenders =
        List.of(
            validationModel.popularity(),
            validationModel.withWeights(BlendWeights.ALS_ONLY),
            validationModel.withWeights(BlendWeights.CONTENT_ONLY),
            learned);
    double[][] sums = new double[names.size()][3];
    int users = 0;
    for (int userId : split.users()) {
      UserHistory history = split.history(userId, Integer.MAX_VALUE);
      Set<Integer> relevant = split.heldOut().get(userId);
      for (int r = 0; r < recommenders.size(); r++) {
        int[] top =
            recommenders.get(r).recommend(history, K).stream()
                .mapToInt(ScoredMovie::movieId)
                .toArray();
        sums[r][0] += RankingMetrics.ndcgAtK(top, relevant, K);
        sums[r][1] += RankingMetrics.recallAtK(top, relevant, K);
        sums[r][2] += RankingMetrics.averagePrecisionAtK(top, relevant, K);
      }
      users++;
    }
    List<ModelQuality> result = new ArrayList<>();
    for (int r = 0; r < names.size(); r++) {
      int n = Math.max(1, users);
      result.add(new ModelQuality(names.get(r), sums[r][0] / n, sums[r][1] / n, sums[r][2] / n));
    }
    return result;
  }

  static int bucketOf(int ratings) {
    for (int b = 0; b < BUCKETS.length; b++) {
      if (ratings >= BUCKETS[b][0] && ratings <= BUCKETS[b][1]) {
        return b;
      }
    }
    return BUCKETS.length - 1;
  }

  /** ALS weights 0, 0.05, ..., 1. */
  static double[] grid() {
    double[] weights = new double[21];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = i / 20.0;
    }
    return weights;
  }

  private static List<CurvePoint> curve(double[] weights, List<double[]> rows) {
    List<CurvePoint> curve = new ArrayList<>(weights.length);
    for (int w = 0; w < weights.length; w++) {
      double sum = 0;
      for (double[] row : rows) {
        sum += row[w];
      }
      curve.add(new CurvePoint(weights[w], rows.isEmpty() ? 0 : sum / rows.size()));
    }
    return curve;
  }

  /**
   * The weight whose gain over ALS alone (the last weight of the grid, 1) is largest by a
   * pessimistic estimate: the mean per-history gain minus {@value #CONFIDENCE_Z} standard errors of
   * that mean (paired differences on the same histories). ALS alone has a gain of 0 by definition,
   * so content only gets a share where validation shows it helps by more than its noise: a few
   * hundred validation users cannot tell apart weights whose means differ by 0.002, and picking the
   * noisy maximum made the blend worse than ALS on held-out data. Among equal estimates the higher
   * ALS weight wins.
   *
   * @param rows one row per validation history, its nDCG at each weight
   */
  static double choose(double[] weights, List<double[]> rows) {
    int reference = weights.length - 1;
    double bestWeight = weights[reference];
    if (rows.size() < 2) {
      return bestWeight;
    }
    double bestBound = 0;
    for (int w = reference - 1; w >= 0; w--) {
      double sum = 0;
      double sumSquares = 0;
      for (double[] row : rows) {
        double gain = row[w] - row[reference];
        sum += gain;
        sumSquares += gain * gain;
      }
      int n = rows.size();
      double mean = sum / n;
      double variance = Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
      double bound = mean - CONFIDENCE_Z * Math.sqrt(variance / n);
      if (bound > bestBound) {
        bestBound = bound;
        bestWeight = weights[w];
      }
    }
    return bestWeight;
  }
}

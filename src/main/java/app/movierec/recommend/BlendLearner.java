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
 * histories of several sizes drawn from the rest of their ratings (3, 10 and 30 ratings, and all of
 * them) stand for users of that activity. nDCG@10 at ALS weights 0, 0.05, ..., 1 gives one curve
 * per activity bucket and one over the whole histories; each bucket takes the weight where its
 * (lightly smoothed) curve peaks, so new users can lean on content and heavy users on ALS as the
 * data says.
 */
final class BlendLearner {

  static final int K = 10;
  static final int MIN_RATINGS = 10;
  static final double HELD_OUT = 0.25;
  private static final int[] GIVEN = {3, 10, 30};
  private static final int[][] BUCKETS = {{0, 5}, {6, 20}, {21, 50}, {51, Integer.MAX_VALUE}};

  /** A bucket with fewer validation histories takes the overall weight: too noisy on its own. */
  static final int MIN_HISTORIES_PER_BUCKET = 30;

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
    double[] overall = new double[weights.length];
    int overallCount = 0;
    double[][] byBucket = new double[BUCKETS.length][weights.length];
    int[] bucketCount = new int[BUCKETS.length];
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
        int bucket = bucketOf(history.size());
        for (int w = 0; w < weights.length; w++) {
          List<ScoredMovie> top =
              model.recommend(scores.get(), BlendWeights.ofAlsWeight(weights[w]), K);
          double ndcg =
              RankingMetrics.ndcgAtK(
                  top.stream().mapToInt(ScoredMovie::movieId).toArray(), relevant, K);
          byBucket[bucket][w] += ndcg;
          if (size == told) {
            overall[w] += ndcg;
          }
        }
        bucketCount[bucket]++;
        if (size == told) {
          overallCount++;
        }
      }
    }
    List<CurvePoint> overallCurve = curve(weights, overall, overallCount);
    double overallWeight = best(overallCurve);
    List<ActivityWeight> buckets = new ArrayList<>();
    for (int b = 0; b < BUCKETS.length; b++) {
      List<CurvePoint> bucketCurve = curve(weights, byBucket[b], bucketCount[b]);
      double weight =
          bucketCount[b] >= MIN_HISTORIES_PER_BUCKET ? best(bucketCurve) : overallWeight;
      buckets.add(
          new ActivityWeight(BUCKETS[b][0], BUCKETS[b][1], weight, bucketCount[b], bucketCurve));
    }
    return new BlendSettings(overallWeight, buckets, overallCurve, split.users().size());
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

  private static List<CurvePoint> curve(double[] weights, double[] sums, int count) {
    List<CurvePoint> curve = new ArrayList<>(weights.length);
    for (int w = 0; w < weights.length; w++) {
      curve.add(new CurvePoint(weights[w], count == 0 ? 0 : sums[w] / count));
    }
    return curve;
  }

  /**
   * The weight where the curve, averaged with its neighbours (a 3-point moving average, against
   * single noisy points), peaks; among equal peaks the higher ALS weight.
   */
  static double best(List<CurvePoint> curve) {
    double bestWeight = curve.getLast().alsWeight();
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < curve.size(); i++) {
      double sum = 0;
      int n = 0;
      for (int j = Math.max(0, i - 1); j <= Math.min(curve.size() - 1, i + 1); j++) {
        sum += curve.get(j).ndcg();
        n++;
      }
      double smoothed = sum / n;
      if (smoothed >= bestValue) {
        bestValue = smoothed;
        bestWeight = curve.get(i).alsWeight();
      }
    }
    return bestWeight;
  }
}

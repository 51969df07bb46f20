package app.movierec.recommend.hybrid;

import java.util.List;

/**
 * The blend chosen for one model on validation data carved from its own training data (never the
 * test data of an evaluation): the ALS weight for a user of whom nothing is known, one weight per
 * activity bucket (how many ratings a user has), and the validation curves they were read from, so
 * that an operator can see why.
 *
 * @param alsWeight the ALS weight for users the model was trained on (served by their trained
 *     vectors), chosen over all validation users with their whole histories
 * @param byActivity the weight for users the model folds in (visitors, ratings given since
 *     training), by their number of ratings, buckets in ascending order and covering 0 to {@link
 *     Integer#MAX_VALUE}; empty when there was no validation
 * @param curve validation nDCG at each ALS weight, all validation users with their whole histories;
 *     empty when there was no validation
 * @param validationUsers how many users the weights were chosen on (0: not learned)
 * @param models each recommender's validation quality; empty when there was no validation
 */
public record BlendSettings(
    double alsWeight,
    List<ActivityWeight> byActivity,
    List<CurvePoint> curve,
    int validationUsers,
    List<ModelQuality> models) {

  public BlendSettings {
    BlendWeights.ofAlsWeight(alsWeight); // validates the range
    byActivity = List.copyOf(byActivity);
    curve = List.copyOf(curve);
    models = models == null ? List.of() : List.copyOf(models);
  }

  /** A fixed weight for everyone, not learned (models trained without validation). */
  public static BlendSettings fixed(double alsWeight) {
    return new BlendSettings(alsWeight, List.of(), List.of(), 0, List.of());
  }

  /** Whether the weights were chosen on validation data. */
  public boolean learned() {
    return validationUsers > 0;
  }

  /** The ALS weight for a user the model folds in, with {@code ratings} usable ratings. */
  public double alsWeightFor(int ratings) {
    for (ActivityWeight bucket : byActivity) {
      if (ratings >= bucket.minRatings() && ratings <= bucket.maxRatings()) {
        return bucket.alsWeight();
      }
    }
    return alsWeight;
  }

  /** The bucket a user with {@code ratings} ratings falls in; null without buckets. */
  public ActivityWeight bucketOf(int ratings) {
    for (ActivityWeight bucket : byActivity) {
      if (ratings >= bucket.minRatings() && ratings <= bucket.maxRatings()) {
        return bucket;
      }
    }
    return null;
  }

  /**
   * The weight chosen for users with {@code minRatings..maxRatings} ratings (both inclusive).
   *
   * @param users how many validation histories of that size the weight was chosen on
   * @param curve their validation nDCG at each ALS weight
   */
  public record ActivityWeight(
      int minRatings, int maxRatings, double alsWeight, int users, List<CurvePoint> curve) {

    public ActivityWeight {
      curve = List.copyOf(curve);
    }

    /** "1-5 ratings", "51 or more ratings". */
    public String label() {
      return maxRatings == Integer.MAX_VALUE
          ? minRatings + " or more ratings"
          : minRatings + "-" + maxRatings + " ratings";
    }
  }

  /** Validation quality (nDCG) at one ALS weight. */
  public record CurvePoint(double alsWeight, double ndcg) {}

  /**
   * One recommender's quality on the validation users' held-out movies (at k = 10, their whole
   * histories): popularity, ALS alone, content alone and the hybrid with the learned weights.
   */
  public record ModelQuality(String model, double ndcg, double recall, double map) {}
}

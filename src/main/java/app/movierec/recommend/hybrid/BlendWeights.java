package app.movierec.recommend.hybrid;

/**
 * Weights of the hybrid blend: {@code hybrid = alsWeight * als + contentWeight * content}, both
 * scores on a comparable per-user scale. Not to be confused with ALS's own {@code alpha} (the
 * confidence scale).
 */
public record BlendWeights(double alsWeight, double contentWeight) {

  /**
   * The ALS weight used when a model has none of its own, from the evaluation on ml-latest-small
   * (README, "How it recommends"): nDCG@10 is 0.370 at 0.5, 0.402 at 0.8 and 0.403 at 0.9 (ALS
   * alone 0.401).
   */
  public static final double DEFAULT_ALS_WEIGHT = 0.8;

  public static final BlendWeights ALS_ONLY = new BlendWeights(1, 0);
  public static final BlendWeights CONTENT_ONLY = new BlendWeights(0, 1);

  public BlendWeights {
    if (!(alsWeight >= 0 && alsWeight <= 1) || !(contentWeight >= 0 && contentWeight <= 1)) {
      throw new IllegalArgumentException(
          "blend weights must lie in [0, 1], got alsWeight="
              + alsWeight
              + ", contentWeight="
              + contentWeight);
    }
  }

  /** The UI's single slider: alsWeight = w, contentWeight = 1 - w. */
  public static BlendWeights ofAlsWeight(double alsWeight) {
    return new BlendWeights(alsWeight, 1 - alsWeight);
  }
}

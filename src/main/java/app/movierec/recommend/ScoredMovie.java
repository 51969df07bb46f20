package app.movierec.recommend;

/**
 * One recommended or similar movie. {@code score} is what the list is ranked by; {@code alsScore}
 * and {@code contentScore} are its two parts on the per-user normalised scale, before weighting
 * (NaN where a part does not apply, for example the ALS part of a movie nobody has rated). For
 * recommendations the parts are per-user z-scores (see {@code hybrid.HybridRecommender}); for
 * similar-movie lists {@code score} is the cosine similarity and the part of the model that
 * produced it holds the same value.
 */
public record ScoredMovie(long movieId, double score, double alsScore, double contentScore) {

  /**
   * Maps a per-user z-score onto {@code (0, 1)} for display (a bar's length): the logistic
   * approximation of the standard normal CDF, {@code 1 / (1 + e^(-1.702 z))}, so 0 (the user's
   * average candidate) shows as 0.5 and a typical top recommendation (z around 3 to 5) close to 1.
   * NaN stays NaN. For display only: ranking uses the z-scores themselves.
   */
  public static double toUnitInterval(double zScore) {
    return Double.isNaN(zScore) ? Double.NaN : 1 / (1 + Math.exp(-1.702 * zScore));
  }
}

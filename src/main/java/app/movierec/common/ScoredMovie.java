package app.movierec.common;

/**
 * One recommended or similar movie. {@code score} is what the list is ranked by; {@code alsScore}
 * and {@code contentScore} are its two parts before weighting, NaN where a part does not apply (the
 * ALS part of a movie nobody has rated, the content part of a pure ALS list). In a hybrid list the
 * parts are z-scores over the user's candidates (see {@code recommend.hybrid.Blender}); in a list
 * of one model they are that model's raw score (an ALS dot product or a cosine).
 */
public record ScoredMovie(int movieId, double score, double alsScore, double contentScore) {

  /** A movie scored by ALS alone. */
  public static ScoredMovie byAls(int movieId, double score) {
    return new ScoredMovie(movieId, score, score, Double.NaN);
  }

  /** A movie scored by content alone. */
  public static ScoredMovie byContent(int movieId, double score) {
    return new ScoredMovie(movieId, score, Double.NaN, score);
  }

  /** A movie with a score that is neither model's (popularity, an explanation's contribution). */
  public static ScoredMovie of(int movieId, double score) {
    return new ScoredMovie(movieId, score, Double.NaN, Double.NaN);
  }

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

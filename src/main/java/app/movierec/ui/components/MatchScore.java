package app.movierec.ui.components;

import app.movierec.common.ScoredMovie;
import app.movierec.recommend.hybrid.BlendWeights;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the recommender's scores into what a person reads on a card.
 *
 * <p>A recommendation's score is a per-user z-score (see {@code recommend.hybrid.Blender}): how
 * many standard deviations the movie stands above this user's average candidate. Its "match" is the
 * standard-normal percentile of that z-score, Φ(z): about the share of the catalogue it beats for
 * this user, if scores were normally distributed. A hybrid score {@code a·z_als + b·z_content} is
 * first divided by {@code sqrt(a² + b²)}, its standard deviation were the two parts independent, so
 * every tab and blend reads on the same scale. The percentile is rounded down and capped at 99%:
 * the model never knows a movie is a certain hit.
 *
 * <p>A list of similar movies is scored by cosine similarity, shown as "alike"; a list without
 * either part is the popularity fallback, shown as "popular".
 */
public final class MatchScore {

  private MatchScore() {}

  /**
   * "87% match" for a recommendation under the given weights; "Popular" when it is the popularity
   * fallback (no ALS or content part).
   */
  public static String recommendationBadge(ScoredMovie scored, BlendWeights weights) {
    if (isPopularityFallback(scored)) {
      return "Popular";
    }
    return percent(matchFraction(scored.score(), weights)) + " match";
  }

  /** Φ of the normalised blended z-score, in (0, 1); NaN for NaN. */
  public static double matchFraction(double blendedZ, BlendWeights weights) {
    double spread = Math.hypot(weights.alsWeight(), weights.contentWeight());
    return standardNormalCdf(spread > 0 ? blendedZ / spread : blendedZ);
  }

  /** "83% alike" for a cosine similarity; empty when it is not a positive number. */
  public static Optional<String> similarityBadge(double cosine) {
    if (!(cosine > 0)) {
      return Optional.empty();
    }
    return Optional.of(percent(Math.min(1, cosine)) + " alike");
  }

  /** A list the model could not personalise comes from the popularity baseline: no parts. */
  public static boolean isPopularityFallback(ScoredMovie scored) {
    return Double.isNaN(scored.alsScore()) && Double.isNaN(scored.contentScore());
  }

  /** "87%": rounded down, at most 99%, at least 1%. */
  public static String percent(double fraction) {
    long percent = Math.max(1, Math.min(99, (long) Math.floor(fraction * 100)));
    return String.format(Locale.ROOT, "%d%%", percent);
  }

  /**
   * Φ(z), the standard normal distribution function, by the Abramowitz and Stegun 7.1.26
   * approximation of erf (absolute error below 1.5e-7, far below the whole percent shown).
   */
  public static double standardNormalCdf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double poly =
        t
            * (0.254829592
                + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    double erf = 1 - poly * Math.exp(-x * x);
    return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
  }
}

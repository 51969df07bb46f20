package app.movierec.api;

import app.movierec.recommend.BlendWeights;
import app.movierec.recommend.Mode;
import java.util.Locale;

/** Validated query parameters of the recommendation endpoints. */
record RecommendationParameters(Mode mode, double alsWeight, int n) {

  static final String DEFAULT_MODE = "hybrid";
  static final String DEFAULT_ALS_WEIGHT = "" + BlendWeights.DEFAULT_ALS_WEIGHT;
  static final String DEFAULT_N = "20";
  static final int MAX_N = 100;

  static RecommendationParameters of(String mode, double alsWeight, int n) {
    Mode parsed;
    try {
      parsed = Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "mode", "mode must be hybrid, als or content, got '" + mode + "'");
    }
    if (!(alsWeight >= 0 && alsWeight <= 1)) {
      throw new BadRequestException("alsWeight", "alsWeight must lie in [0, 1], got " + alsWeight);
    }
    if (n < 1 || n > MAX_N) {
      throw new BadRequestException("n", "n must lie in [1, " + MAX_N + "], got " + n);
    }
    return new RecommendationParameters(parsed, alsWeight, n);
  }
}

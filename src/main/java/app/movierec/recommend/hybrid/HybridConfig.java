package app.movierec.recommend.hybrid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the blend of ALS and content is chosen, bound from {@code movierec.hybrid.*}; the one place
 * for these defaults and their validation.
 *
 * @param learnWeights choose the blend weights on validation data carved from the training data
 *     (per activity bucket) when a model is fitted; otherwise every user gets {@code alsWeight}
 * @param alsWeight the ALS weight when nothing is learned (or too little data to learn from)
 * @param validationUserFraction share of the users (with enough ratings) set aside for validation
 * @param maxValidationUsers at most this many validation users
 * @param maxValidationRatings the validation model trains on a sample of the other users with about
 *     this many ratings at most, which bounds the extra cost on very large data
 * @param seed seed of the validation split
 * @param serveFirstFromRatings from this many ratings on, a first start (nothing serving yet, no
 *     saved blend) serves as soon as ALS is trained, with {@code alsWeight} for everyone, and
 *     learns the blend afterwards, swapping it in: on ML-25M the validation fit and its scoring
 *     take minutes that a user would otherwise wait for a first page. Below it the blend is learned
 *     before serving, which takes seconds there.
 */
@ConfigurationProperties("movierec.hybrid")
public record HybridConfig(
    @DefaultValue("true") boolean learnWeights,
    @DefaultValue("" + BlendWeights.DEFAULT_ALS_WEIGHT) double alsWeight,
    @DefaultValue("0.5") double validationUserFraction,
    @DefaultValue("2000") int maxValidationUsers,
    @DefaultValue("5000000") long maxValidationRatings,
    @DefaultValue("42") long seed,
    @DefaultValue("2000000") long serveFirstFromRatings) {

  public HybridConfig {
    if (!(alsWeight >= 0 && alsWeight <= 1)) {
      throw new IllegalArgumentException(
          "movierec.hybrid.als-weight must lie in [0, 1], got " + alsWeight);
    }
    if (!(validationUserFraction > 0 && validationUserFraction < 1)) {
      throw new IllegalArgumentException(
          "movierec.hybrid.validation-user-fraction must lie strictly between 0 and 1, got "
              + validationUserFraction);
    }
    if (maxValidationUsers < 1 || maxValidationRatings < 0 || serveFirstFromRatings < 0) {
      throw new IllegalArgumentException(
          "movierec.hybrid.max-validation-users must be >= 1, max-validation-ratings and"
              + " serve-first-from-ratings >= 0");
    }
  }

  /** The defaults: weights learned on validation data. */
  public static HybridConfig defaults() {
    return new HybridConfig(
        true, BlendWeights.DEFAULT_ALS_WEIGHT, 0.5, 2000, 5_000_000, 42, 2_000_000);
  }

  /** The same settings with a fixed weight for everyone (no validation fit). */
  public HybridConfig withFixedWeight(double weight) {
    return new HybridConfig(
        false,
        weight,
        validationUserFraction,
        maxValidationUsers,
        maxValidationRatings,
        seed,
        serveFirstFromRatings);
  }

  /** Whether a first start on {@code ratings} ratings serves before it learns the blend. */
  public boolean servesFirst(long ratings) {
    return learnWeights && ratings >= serveFirstFromRatings;
  }

  /** A stable text form of every value that changes the chosen blend; saved models use it. */
  public String cacheKey() {
    return learnWeights
        ? "learn-v"
            + validationUserFraction
            + "-"
            + maxValidationUsers
            + "-"
            + maxValidationRatings
            + "-s"
            + seed
        : "fixed-" + alsWeight;
  }
}

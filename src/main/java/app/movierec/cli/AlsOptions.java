package app.movierec.cli;

import app.movierec.recommend.als.AlsConfig;
import picocli.CommandLine.Option;

/**
 * The ALS hyperparameters a command may override; anything not given keeps the command's base
 * configuration ({@link AlsConfig#defaults()} unless the command says otherwise). AlsConfig
 * validates the values.
 */
final class AlsOptions {

  @Option(names = "--factors", paramLabel = "F", description = "latent factors")
  Integer factors;

  @Option(names = "--iterations", paramLabel = "I", description = "ALS sweeps")
  Integer iterations;

  @Option(names = "--regularization", paramLabel = "R", description = "L2 penalty lambda")
  Double regularization;

  @Option(
      names = "--scale-regularization",
      paramLabel = "true|false",
      arity = "1",
      description = "scale lambda by each row's rating count (as Spark MLlib does)")
  Boolean scaleRegularization;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      description = "confidence scale: c = 1 + alpha x t(rating)")
  Double alpha;

  @Option(
      names = "--confidence",
      paramLabel = "linear|log",
      description = "the transform t of the rating in the confidence")
  AlsConfig.Confidence confidence;

  @Option(
      names = "--cg-steps",
      paramLabel = "S",
      description = "conjugate-gradient steps per row and sweep (0 = exact solves)")
  Integer cgSteps;

  @Option(names = "--als-seed", paramLabel = "S", description = "seed of the initial factors")
  Long seed;

  /** {@code base} with the given options applied. */
  AlsConfig applyTo(AlsConfig base) {
    AlsConfig config = base;
    if (factors != null) {
      config = config.withFactors(factors);
    }
    if (iterations != null) {
      config = config.withIterations(iterations);
    }
    if (regularization != null) {
      config = config.withRegularization(regularization);
    }
    if (scaleRegularization != null) {
      config = config.withScaleRegularization(scaleRegularization);
    }
    if (alpha != null) {
      config = config.withAlpha(alpha);
    }
    if (confidence != null) {
      config = config.withConfidence(confidence);
    }
    if (cgSteps != null) {
      config = config.withCgSteps(cgSteps);
    }
    if (seed != null) {
      config = config.withSeed(seed);
    }
    return config;
  }
}

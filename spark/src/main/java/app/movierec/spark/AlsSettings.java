package app.movierec.spark;

/**
 * Spark ALS hyperparameters of the job, with their defaults and validation in one place. They map
 * onto the app's {@code movierec.als.*} as: {@code rank = factors}, {@code regParam =
 * regularization} with {@code scale-regularization=true} (Spark multiplies it by each row's number
 * of ratings), {@code alpha = alpha} with {@code confidence=LINEAR} (Spark's confidence is {@code 1
 * + alpha * |r|}), {@code maxIter = iterations}. The defaults were chosen by evaluating the
 * exported model with the app's own protocol on ml-latest-small (see README.md).
 *
 * @param rank latent dimensions of both factor matrices
 * @param regParam L2 penalty per rating: a row with {@code n} ratings gets {@code regParam * n}
 * @param alpha confidence scale, {@code c = 1 + alpha * |rating|}
 * @param maxIter ALS sweeps (each solves the movie rows, then the user rows)
 * @param seed seed of Spark's random initial factors
 * @param blocks user and movie blocks of Spark's ALS (its partitioning; the initial factors depend
 *     on it, so the same seed and blocks give the same model on any cluster size). The job's
 *     default is Spark's default parallelism: on local[2], 2 blocks took 30% less CPU than Spark's
 *     own default of 10 for the same nDCG (fewer copies of each factor shuffled per iteration)
 */
record AlsSettings(int rank, double regParam, double alpha, int maxIter, long seed, int blocks) {

  static final int DEFAULT_RANK = 128;
  static final double DEFAULT_REG_PARAM = 0.4;
  static final double DEFAULT_ALPHA = 1.0;
  static final int DEFAULT_MAX_ITER = 15;
  static final long DEFAULT_SEED = 42;

  AlsSettings {
    if (rank < 1 || rank > 1024) {
      throw new IllegalArgumentException("--rank must be between 1 and 1024, got " + rank);
    }
    if (!(regParam >= 0) || Double.isInfinite(regParam)) {
      throw new IllegalArgumentException(
          "--reg-param must be a finite number >= 0, got " + regParam);
    }
    // the app's AlsConfig needs alpha > 0: with alpha 0 every rating would have confidence 1
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("--alpha must be a finite number > 0, got " + alpha);
    }
    if (maxIter < 1 || maxIter > 1000) {
      throw new IllegalArgumentException("--max-iter must be between 1 and 1000, got " + maxIter);
    }
    if (blocks < 1 || blocks > 100_000) {
      throw new IllegalArgumentException("--blocks must be between 1 and 100000, got " + blocks);
    }
  }
}

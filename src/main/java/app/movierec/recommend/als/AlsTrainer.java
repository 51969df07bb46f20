package app.movierec.recommend.als;

import app.movierec.common.ProgressListener;
import app.movierec.common.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fits an {@link AlsModel} by alternating least squares on the implicit-feedback objective of Hu,
 * Koren & Volinsky (2008): {@code min sum_{u,i} c_ui (p_ui - x_u . y_i)^2 + lambda (|X|^2 + |Y|^2)}
 * with {@code p_ui = 1} for every rated movie and {@code c_ui = 1 + alpha * t(r_ui)}. Each row is
 * solved with a few warm-started conjugate-gradient steps (Takacs, Pilaszy & Tikk 2011,
 * "Applications of the conjugate gradient method for implicit feedback collaborative filtering"),
 * or exactly when {@code cgSteps == 0}. The rows of a half-sweep take their CG steps in lockstep:
 * the dense part of each step, the Gram matrix times every row's search direction, is one ND4J
 * gemm; the sparse part over each row's own ratings runs in plain Java on the worker threads.
 *
 * <p>One iteration solves all movie rows against the fixed user factors, then all user rows against
 * the new movie factors, so the returned user factors match the returned movie factors (as {@link
 * AlsModel#foldIn} would compute them). Rows are split across worker threads; each row's solve
 * depends only on the previous half-sweep, so the result is bit-identical for any thread count and
 * the same seed.
 */
public final class AlsTrainer {

  /**
   * Thrown when the factors stop being finite numbers (too large {@code alpha} or too small a
   * regularization).
   */
  public static final class DivergedException extends IllegalStateException {
    DivergedException(String message) {
      super(message);
    }
  }

  private static final int ROWS_PER_TASK = 64;

  private final AlsConfig config;
  private final int threads;

  /** A trainer using one thread per available core. */
  public AlsTrainer(AlsConfig config) {
    this(config, Runtime.getRuntime().availableProcessors());
  }

  public AlsTrainer(AlsConfig config, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.config = config;
    this.threads = threads;
  }

  public AlsConfig config() {
    return config;
  }

  /**
   * Trains on all ratings of {@code data}. The listener hears once after every iteration ("ALS
   * iteration i of n", i/n), on the caller's thread.
   */
  public AlsModel train(TrainingData data, ProgressListener listener) {
    return train(RatingMatrix.of(data, config), listener);
  }

  /** Trains on a prepared confidence matrix (built with this trainer's config). */
  public AlsModel train(RatingMatrix matrix, ProgressListener listener) {
    if (matrix.alpha != config.alpha() || matrix.confidence != config.confidence()) {
      throw new IllegalArgumentException(
          "the rating matrix was built with alpha "
              + matrix.alpha
              + " and "
              + matrix.confidence
              + " confidence, but this trainer uses alpha "
              + config.alpha()
              + " and "
              + config.confidence());
    }
    int f = config.factors();
    int userCount = matrix.users.size();
    int itemCount = matrix.items.size();
    float[] userFactors = new float[userCount * f];
    float[] itemFactors = new float[itemCount * f];
    // implicit's initialisation: small uniform values, users first, then movies, from one seeded
    // stream
    SplittableRandom random = new SplittableRandom(config.seed());
    for (int k = 0; k < userFactors.length; k++) {
      userFactors[k] = (float) (random.nextDouble() * 0.01);
    }
    for (int k = 0; k < itemFactors.length; k++) {
      itemFactors[k] = (float) (random.nextDouble() * 0.01);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "als-worker");
              thread.setDaemon(true);
              return thread;
            });
    try {
      for (int iteration = 1; iteration <= config.iterations(); iteration++) {
        float[] userGram = Gram.of(userFactors, userCount, f, config.sharedRegularization());
        solveAll(
            pool,
            itemFactors,
            itemCount,
            userFactors,
            userGram,
            matrix.itemOffsets,
            matrix.itemUserRows,
            matrix.itemConfidences);
        checkFinite(itemFactors, "movie", iteration);
        float[] itemGram = Gram.of(itemFactors, itemCount, f, config.sharedRegularization());
        solveAll(
            pool,
            userFactors,
            userCount,
            itemFactors,
            itemGram,
            matrix.userOffsets,
            matrix.userItemRows,
            matrix.userConfidences);
        checkFinite(userFactors, "user", iteration);
        listener.progress(
            "ALS iteration " + iteration + " of " + config.iterations(),
            (double) iteration / config.iterations());
      }
    } finally {
      pool.shutdownNow();
    }
    return new AlsModel(
        config,
        matrix.users,
        matrix.items,
        userFactors,
        itemFactors,
        matrix.userOffsets,
        matrix.userItemRows,
        matrix.userConfidences);
  }

  private void solveAll(
      ExecutorService pool,
      float[] x,
      int rowCount,
      float[] y,
      float[] gram,
      int[] offsets,
      int[] cols,
      float[] conf) {
    int f = config.factors();
    if (config.cgSteps() == 0) {
      forEachRow(
          pool,
          rowCount,
          (solver, row) -> {
            solver.extraDiagonal(config.rowRegularization(offsets[row + 1] - offsets[row]));
            solver.exact(x, row * f, y, gram, cols, conf, offsets[row], offsets[row + 1]);
          });
      return;
    }
    // Conjugate gradient for all rows in lockstep: the dense part of every row's matrix-vector
    // product is the
    // shared Gram matrix times that row's vector, so each CG step does it for all rows at once as
    // one ND4J gemm
    // (rows x f times f x f); only the sparse part, over the row's own ratings, runs per row in
    // plain Java.
    float[] residuals = new float[rowCount * f];
    float[] directions = new float[rowCount * f];
    float[] residualNorms = new float[rowCount];
    float[] xTimesGram = Gram.times(x, rowCount, f, gram);
    forEachRow(
        pool,
        rowCount,
        (solver, row) -> {
          solver.extraDiagonal(config.rowRegularization(offsets[row + 1] - offsets[row]));
          residualNorms[row] =
              solver.startBatched(
                  x,
                  xTimesGram,
                  residuals,
                  directions,
                  row,
                  y,
                  cols,
                  conf,
                  offsets[row],
                  offsets[row + 1]);
        });
    for (int step = 0; step < config.cgSteps(); step++) {
      float[] directionsTimesGram = Gram.times(directions, rowCount, f, gram);
      forEachRow(
          pool,
          rowCount,
          (solver, row) -> {
            if (residualNorms[row] >= RowSolver.CONVERGED) {
              solver.extraDiagonal(config.rowRegularization(offsets[row + 1] - offsets[row]));
              residualNorms[row] =
                  solver.stepBatched(
                      x,
                      directionsTimesGram,
                      residuals,
                      directions,
                      residualNorms[row],
                      row,
                      y,
                      cols,
                      conf,
                      offsets[row],
                      offsets[row + 1]);
            }
          });
    }
  }

  @FunctionalInterface
  private interface RowTask {
    void solve(RowSolver solver, int row);
  }

  /**
   * Runs {@code task} for rows {@code 0..rowCount-1}, in chunks across the worker threads, each
   * with its solver.
   */
  private void forEachRow(ExecutorService pool, int rowCount, RowTask task) {
    int f = config.factors();
    AtomicInteger nextRow = new AtomicInteger();
    List<Callable<Void>> workers = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      workers.add(
          () -> {
            RowSolver solver = new RowSolver(f);
            int start;
            while ((start = nextRow.getAndAdd(ROWS_PER_TASK)) < rowCount) {
              int end = Math.min(rowCount, start + ROWS_PER_TASK);
              for (int row = start; row < end; row++) {
                task.solve(solver, row);
              }
            }
            return null;
          });
    }
    try {
      for (Future<Void> done : pool.invokeAll(workers)) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ALS training was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("ALS training failed", e.getCause());
    }
  }

  private void checkFinite(float[] factors, String side, int iteration) {
    for (int k = 0; k < factors.length; k++) {
      if (!Float.isFinite(factors[k])) {
        throw new DivergedException(
            "ALS diverged: a "
                + side
                + " factor became "
                + factors[k]
                + " in iteration "
                + iteration
                + " of "
                + config.iterations()
                + " ("
                + config.cacheKey()
                + "); use a smaller alpha or a larger regularization");
      }
    }
  }
}

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
import java.util.function.IntFunction;

/**
 * Fits an {@link AlsModel} by alternating least squares on the implicit-feedback objective of Hu,
 * Koren & Volinsky (2008): {@code min sum_{u,i} c_ui (p_ui - x_u . y_i)^2 + lambda (|X|^2 + |Y|^2)}
 * with {@code p_ui = 1} for every rated movie and {@code c_ui = 1 + alpha * t(r_ui)}. Each row is
 * solved with a few warm-started conjugate-gradient steps (Takacs, Pilaszy & Tikk 2011,
 * "Applications of the conjugate gradient method for implicit feedback collaborative filtering"),
 * or exactly when {@code cgSteps == 0}. As in benfred/implicit, each row takes all its CG steps in
 * one go (see {@link RowSolver}); only the Gram matrix {@code YtY + lambda I}, shared by all rows
 * of a half-sweep, is computed once by ND4J's BLAS gemm.
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

  private static final int ROWS_PER_CHUNK = 64;
  private static final int RATINGS_PER_CHUNK = 16_384;

  private final AlsConfig config;
  private final int threads;
  private final IntFunction<RowKernels> kernels;

  /** A trainer using one thread per available core. */
  public AlsTrainer(AlsConfig config) {
    this(config, Runtime.getRuntime().availableProcessors());
  }

  public AlsTrainer(AlsConfig config, int threads) {
    this(config, threads, RowKernels::forFactors);
  }

  /** A trainer with the given row kernels (tests compare the SIMD and scalar ones). */
  AlsTrainer(AlsConfig config, int threads, IntFunction<RowKernels> kernels) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.config = config;
    this.threads = threads;
    this.kernels = kernels;
  }

  public AlsConfig config() {
    return config;
  }

  /**
   * Loads ND4J's native backend now rather than in the first training (it takes seconds); for
   * benchmarks, which time the training alone.
   */
  public static void loadNativeLibraries() {
    Gram.of(new float[1], 1, 1, 0);
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
    RowSolver[] solvers = new RowSolver[threads];
    for (int t = 0; t < threads; t++) {
      solvers[t] = new RowSolver(kernels.apply(f));
    }
    if (solvers[0].usesSimd()) {
      KernelWarmUp.ensureWarm(f);
    }
    try {
      for (int iteration = 1; iteration <= config.iterations(); iteration++) {
        float[] userGram = Gram.of(userFactors, userCount, f, config.sharedRegularization());
        solveAll(
            pool,
            solvers,
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
            solvers,
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

  /**
   * Solves every row of {@code x} ({@code rowCount x f}) against the fixed {@code y} and its Gram
   * matrix (see {@link RowSolver}): rows that fit the solver's gathered block one by one or, when
   * four in a row fit it together, four at a time, in chunks of about equal numbers of ratings,
   * longer rows in batches of {@link RowSolver#BATCH_ROWS}, handed out to the worker threads
   * batches first. A row's result depends only on its inputs, never on the thread, the order or the
   * batch.
   */
  private void solveAll(
      ExecutorService pool,
      RowSolver[] solvers,
      float[] x,
      int rowCount,
      float[] y,
      float[] gram,
      int[] offsets,
      int[] cols,
      float[] conf) {
    int f = config.factors();
    int steps = config.cgSteps();
    int[] chunks = chunks(offsets, rowCount);
    int[] longRows = new int[rowCount];
    int longCount = 0;
    for (int row = 0; steps > 0 && row < rowCount; row++) {
      if (!solvers[0].gathers(offsets[row + 1] - offsets[row])) {
        longRows[longCount++] = row;
      }
    }
    int batches = (longCount + RowSolver.BATCH_ROWS - 1) / RowSolver.BATCH_ROWS;
    int longTotal = longCount;
    AtomicInteger nextTask = new AtomicInteger();
    List<Callable<Void>> workers = new ArrayList<>(solvers.length);
    for (RowSolver solver : solvers) {
      workers.add(
          () -> {
            float[] extraDiagonals = new float[RowSolver.BATCH_ROWS];
            int task;
            while ((task = nextTask.getAndIncrement()) < batches + chunks.length - 1) {
              if (task < batches) {
                int first = task * RowSolver.BATCH_ROWS;
                int count = Math.min(RowSolver.BATCH_ROWS, longTotal - first);
                for (int k = 0; k < count; k++) {
                  int row = longRows[first + k];
                  extraDiagonals[k] = config.rowRegularization(offsets[row + 1] - offsets[row]);
                }
                solver.conjugateGradient(
                    x, longRows, first, count, y, gram, offsets, cols, conf, steps, extraDiagonals);
                continue;
              }
              int chunk = task - batches;
              int end = chunks[chunk + 1];
              for (int row = chunks[chunk]; row < end; row++) {
                if (steps > 0
                    && row + 3 < end
                    && solver.groups(
                        offsets[row + 1] - offsets[row],
                        offsets[row + 2] - offsets[row + 1],
                        offsets[row + 3] - offsets[row + 2],
                        offsets[row + 4] - offsets[row + 3])) {
                  for (int q = 0; q < 4; q++) {
                    extraDiagonals[q] =
                        config.rowRegularization(offsets[row + q + 1] - offsets[row + q]);
                  }
                  solver.conjugateGradient4(
                      x, row, y, gram, offsets, cols, conf, steps, extraDiagonals);
                  row += 3;
                  continue;
                }
                int from = offsets[row];
                int to = offsets[row + 1];
                solver.extraDiagonal(config.rowRegularization(to - from));
                if (steps == 0) {
                  solver.exact(x, row * f, y, gram, cols, conf, from, to);
                } else if (solver.gathers(to - from)) {
                  solver.conjugateGradient(x, row * f, y, gram, cols, conf, from, to, steps);
                }
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

  /**
   * Chunk boundaries over the rows: at most {@link #ROWS_PER_CHUNK} rows and about {@link
   * #RATINGS_PER_CHUNK} ratings each (a popular movie may be a chunk alone), so that the threads
   * finish together on long-tailed data.
   */
  private static int[] chunks(int[] offsets, int rowCount) {
    int[] bounds = new int[rowCount + 1];
    int count = 0;
    int row = 0;
    while (row < rowCount) {
      bounds[count++] = row;
      int start = row;
      while (row < rowCount
          && row - start < ROWS_PER_CHUNK
          && offsets[row] - offsets[start] < RATINGS_PER_CHUNK) {
        row++;
      }
    }
    bounds[count++] = rowCount;
    return java.util.Arrays.copyOf(bounds, count);
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

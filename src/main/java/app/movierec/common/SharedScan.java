package app.movierec.common;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Scores queries against every row of one immutable matrix, prepared once in the layout the fastest
 * kernel reads best ({@link RowScores#prepare}), and lets queries that arrive together share a pass
 * over it.
 *
 * <p>Why: one query is bound by memory bandwidth, not arithmetic. At ML-25M's size a recommendation
 * streams the 32 MB of ALS item factors and the 62 MB genome from memory and uses each float once,
 * so 32 concurrent requests on 2 cores queued behind each other's streaming. Here a query joins a
 * queue; whoever holds the pass permit takes up to {@link #maxBatch()} waiting queries and scores
 * all of them in one pass ({@link RowScores#scoreRows(float[], int, int, float[][], int, int[],
 * float[][])}), reading each row once for all of them. A query alone is scored at once in a pass of
 * one, so an idle server answers no slower; that pass is cut in two halves, and a second core (the
 * common fork-join pool) scores one of them when it is free.
 *
 * <p>One pass at a time per matrix (the ALS factors and the genome each have their own): with a
 * permit per core, passes started as soon as a query came and held one or two queries; with one,
 * queries gather while a pass runs (measured at 25M ratings, 32 clients: passes of up to 31
 * queries, 117 instead of 106 recommendations per second, 195 instead of 184 movie details). The
 * other core meanwhile does the rest of the requests' work.
 *
 * <p>Hand-written (a "flat combining" queue) because no library we use batches calls this way: an
 * executor would add a thread hand-off to every request, and the callers here are the request
 * threads themselves, so no thread of its own is needed.
 */
public final class SharedScan {

  /**
   * Floats of queries one pass takes at most: 128 KB, which stay in a core's L2 cache while the
   * rows stream past.
   */
  static final int QUERY_FLOATS_PER_PASS = 32 * 1024;

  /** No more queries than this in one pass, however short they are. */
  static final int MAX_BATCH = 32;

  private final RowScores.Prepared matrix;
  private final int rows;
  private final int dim;
  private final int[] targets;
  private final int outLength;
  private final Semaphore passes;
  private final int maxBatch;
  private final ConcurrentLinkedQueue<Query> waiting = new ConcurrentLinkedQueue<>();
  private final LongAdder passCount = new LongAdder();
  private final LongAdder queryCount = new LongAdder();
  private final Executor helpers;

  /**
   * A shared scan of the {@code rows x dim} row-major {@code matrix}; row {@code r}'s score goes to
   * {@code out[targets[r]]} ({@code out[r]} when {@code targets} is null).
   */
  public SharedScan(float[] matrix, int rows, int dim, int[] targets) {
    this(
        matrix,
        rows,
        dim,
        targets,
        RowScores.fastest(),
        1,
        Runtime.getRuntime().availableProcessors() >= 2 ? ForkJoinPool.commonPool() : null);
  }

  /**
   * With {@code helpers} (null: none), a pass of a single query is split in two and the second half
   * offered to them ({@link #scoreSplit}).
   */
  SharedScan(
      float[] matrix,
      int rows,
      int dim,
      int[] targets,
      RowScores kernel,
      int concurrentPasses,
      Executor helpers) {
    RowScores.checkShape(matrix, rows, dim);
    if (targets != null && targets.length < rows) {
      throw new IllegalArgumentException(rows + " rows need as many targets");
    }
    this.matrix = kernel.prepare(matrix, rows, dim);
    this.rows = rows;
    this.dim = dim;
    this.targets = targets;
    int highest = rows - 1;
    if (targets != null) {
      highest = -1;
      for (int r = 0; r < rows; r++) {
        highest = Math.max(highest, targets[r]);
      }
    }
    this.outLength = highest + 1;
    this.passes = new Semaphore(Math.max(1, concurrentPasses));
    this.maxBatch = Math.max(1, Math.min(MAX_BATCH, QUERY_FLOATS_PER_PASS / Math.max(1, dim)));
    this.helpers = helpers;
  }

  /** The most queries one pass scores. */
  public int maxBatch() {
    return maxBatch;
  }

  /**
   * Writes every row's dot product with {@code query} to {@code out} (at the row's target), in a
   * pass of its own or one shared with concurrent queries; returns when it is written.
   *
   * @throws IllegalArgumentException when {@code query} is shorter than a row or {@code out} than
   *     the highest target
   */
  public void score(float[] query, float[] out) {
    if (query.length < dim) {
      throw new IllegalArgumentException(
          "a " + rows + " x " + dim + " matrix needs a query of " + dim + " floats");
    }
    if (out.length < outLength) {
      throw new IllegalArgumentException("the scores need " + outLength + " places");
    }
    Query mine = new Query(query, out, Thread.currentThread());
    waiting.add(mine);
    boolean interrupted = false;
    while (!mine.done) {
      if (passes.tryAcquire()) {
        try {
          if (!mine.done) {
            runPass();
          }
        } finally {
          passes.release();
        }
        // a permit is free again: wake the oldest waiting query's thread to run the next pass
        Query next = waiting.peek();
        if (next != null) {
          LockSupport.unpark(next.thread);
        }
      } else {
        // a pass is running on every permit; the one that frees first wakes the oldest waiter, and
        // a pass that scores this query wakes this thread
        LockSupport.park(this);
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (mine.failure != null) {
      throw new IllegalStateException("scoring the rows failed", mine.failure);
    }
  }

  private void runPass() {
    Query[] batch = new Query[maxBatch];
    int count = 0;
    Query polled;
    while (count < maxBatch && (polled = waiting.poll()) != null) {
      batch[count++] = polled;
    }
    if (count == 0) {
      return;
    }
    float[][] queries = new float[count][];
    float[][] outs = new float[count][];
    for (int q = 0; q < count; q++) {
      queries[q] = batch[q].query;
      outs[q] = batch[q].out;
    }
    Throwable failure = null;
    try {
      if (count == 1 && helpers != null && matrix.blocks() >= 2) {
        scoreSplit(queries, outs);
      } else {
        matrix.scoreRows(queries, count, targets, outs);
      }
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      passCount.increment();
      queryCount.add(count);
      for (int q = 0; q < count; q++) {
        Query done = batch[q];
        done.failure = failure;
        done.done = true; // volatile: publishes the scores and the failure to the waiting thread
        if (done.thread != Thread.currentThread()) {
          LockSupport.unpark(done.thread);
        }
      }
    }
  }

  /**
   * A pass of one query, the rows cut in two: the second half is offered to {@link #helpers} while
   * this thread scores the first, then this thread scores the second itself unless a helper has
   * taken it, so a busy or slow helper never makes the query wait. Why: a query alone streams the
   * whole matrix from memory and one core does not use all the bandwidth there is. Measured at 25M
   * ratings, one request at a time, interleaved against the unsplit build: recommendations p50
   * 4.6-6.1 instead of 5.8-7.3 ms, fold-ins 5.1-6.1 instead of 6.5-7.9 ms; at 32 clients no
   * difference beyond the noise (a pass of one query is rarer there, and the other core is busy).
   * Every row is scored by the same kernel as unsplit, so the scores are identical.
   */
  private void scoreSplit(float[][] queries, float[][] outs) {
    int blocks = matrix.blocks();
    int half = (blocks + 1) / 2;
    Half second = new Half(() -> matrix.scoreRows(queries, 1, targets, outs, half, blocks));
    try {
      helpers.execute(second);
    } catch (RejectedExecutionException e) {
      // no helper to be had: this thread scores both halves
    }
    try {
      matrix.scoreRows(queries, 1, targets, outs, 0, half);
    } catch (RuntimeException | Error e) {
      // the query fails; the other half is not started now, or is finished before it is reported
      second.cancel();
      second.await();
      throw e;
    }
    second.run();
    second.await();
    second.rethrow();
  }

  /** Work that whichever thread claims it first runs once; the other one waits for it. */
  private static final class Half implements Runnable {
    private final Runnable work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;

    Half(Runnable work) {
      this.work = work;
    }

    @Override
    public void run() {
      if (claimed.compareAndSet(false, true)) {
        try {
          work.run();
        } catch (RuntimeException | Error e) {
          failure = e;
        } finally {
          done.countDown();
        }
      }
    }

    /** Claims the work without running it (unless a helper has already claimed it). */
    void cancel() {
      if (claimed.compareAndSet(false, true)) {
        done.countDown();
      }
    }

    /** Waits until the work is done or cancelled, by whichever thread. */
    void await() {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the other half is being written: wait for it all the same
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    /** Throws what the work threw, if it did. */
    void rethrow() {
      Throwable thrown = failure;
      if (thrown instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (thrown instanceof Error error) {
        throw error;
      }
    }
  }

  /** Passes run so far (for tests and diagnostics). */
  long passes() {
    return passCount.sum();
  }

  /** Queries scored so far (for tests and diagnostics). */
  long queries() {
    return queryCount.sum();
  }

  /** Queries waiting for a pass (for tests). */
  int waiting() {
    return waiting.size();
  }

  private static final class Query {
    final float[] query;
    final float[] out;
    final Thread thread;
    Throwable failure;
    volatile boolean done;

    Query(float[] query, float[] out, Thread thread) {
      this.query = query;
      this.out = out;
      this.thread = thread;
    }
  }
}

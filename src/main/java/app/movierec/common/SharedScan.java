package app.movierec.common;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
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
 * one, as before, so an idle server answers no slower.
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

  /**
   * A shared scan of the {@code rows x dim} row-major {@code matrix}; row {@code r}'s score goes to
   * {@code out[targets[r]]} ({@code out[r]} when {@code targets} is null).
   */
  public SharedScan(float[] matrix, int rows, int dim, int[] targets) {
    this(matrix, rows, dim, targets, RowScores.fastest(), 1);
  }

  SharedScan(
      float[] matrix, int rows, int dim, int[] targets, RowScores kernel, int concurrentPasses) {
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
      matrix.scoreRows(queries, count, targets, outs);
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

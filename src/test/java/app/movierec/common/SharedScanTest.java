package app.movierec.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Concurrent queries share passes over the matrix, and every query still gets exactly its own
 * scores: alone, in a crowd, and when a pass fails.
 */
class SharedScanTest {

  private static final int ROWS = 53;
  private static final int DIM = 19;

  @Test
  void a_lone_query_gets_every_rows_dot_product_at_its_target() {
    SplittableRandom random = new SplittableRandom(1);
    float[] matrix = randomFloats(random, ROWS * DIM);
    int[] targets = new int[ROWS];
    for (int r = 0; r < ROWS; r++) {
      targets[r] = 2 * r + 1; // every other place is left alone
    }
    float[] query = randomFloats(random, DIM);
    float[] out = new float[2 * ROWS + 1];
    java.util.Arrays.fill(out, -7f);

    new SharedScan(matrix, ROWS, DIM, targets).score(query, out);

    for (int r = 0; r < ROWS; r++) {
      assertThat(out[2 * r + 1]).isCloseTo(exact(matrix, r, query), within(1e-4f));
      assertThat(out[2 * r]).isEqualTo(-7f);
    }
  }

  @Test
  void queries_that_wait_while_a_pass_runs_share_the_next_pass() throws Exception {
    SplittableRandom random = new SplittableRandom(2);
    float[] matrix = randomFloats(random, ROWS * DIM);
    CountDownLatch firstPassMayFinish = new CountDownLatch(1);
    RecordingKernel kernel = new RecordingKernel(firstPassMayFinish);
    SharedScan scan = new SharedScan(matrix, ROWS, DIM, null, kernel, 1, null);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      float[][] queries = new float[6][];
      float[][] outs = new float[6][ROWS];
      for (int q = 0; q < 6; q++) {
        queries[q] = randomFloats(random, DIM);
      }
      List<Future<?>> done = new ArrayList<>();
      done.add(pool.submit(() -> scan.score(queries[0], outs[0])));
      Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> kernel.batches.size() == 1);
      for (int q = 1; q < 6; q++) {
        int query = q;
        done.add(pool.submit(() -> scan.score(queries[query], outs[query])));
      }
      Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> scan.waiting() == 5);

      firstPassMayFinish.countDown();
      for (Future<?> future : done) {
        future.get(10, TimeUnit.SECONDS);
      }

      assertThat(kernel.batches).containsExactly(1, 5);
      assertThat(scan.passes()).isEqualTo(2);
      assertThat(scan.queries()).isEqualTo(6);
      for (int q = 0; q < 6; q++) {
        for (int r = 0; r < ROWS; r++) {
          assertThat(outs[q][r]).isCloseTo(exact(matrix, r, queries[q]), within(1e-4f));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void many_threads_each_get_their_own_scores() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    float[] matrix = randomFloats(random, ROWS * DIM);
    SharedScan scan = new SharedScan(matrix, ROWS, DIM, null);
    int threads = 16;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = 100 + t;
        results.add(
            pool.submit(
                () -> {
                  SplittableRandom own = new SplittableRandom(seed);
                  int wrong = 0;
                  for (int i = 0; i < perThread; i++) {
                    float[] query = randomFloats(own, DIM);
                    float[] out = new float[ROWS];
                    scan.score(query, out);
                    for (int r = 0; r < ROWS; r++) {
                      if (Math.abs(out[r] - exact(matrix, r, query)) > 1e-4) {
                        wrong++;
                      }
                    }
                  }
                  return wrong;
                }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isZero();
      }
      assertThat(scan.queries()).isEqualTo((long) threads * perThread);
      assertThat(scan.passes()).isBetween(1L, (long) threads * perThread);
      assertThat(scan.waiting()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_failed_pass_fails_its_queries_and_the_next_pass_works() {
    float[] matrix = randomFloats(new SplittableRandom(4), ROWS * DIM);
    RowScores failingOnce = failingOnceAt(0);
    SharedScan scan = new SharedScan(matrix, ROWS, DIM, null, failingOnce, 1, null);
    float[] query = randomFloats(new SplittableRandom(5), DIM);

    assertThatThrownBy(() -> scan.score(query, new float[ROWS]))
        .isInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("boom at 0");
    float[] out = new float[ROWS];
    scan.score(query, out);
    assertThat(out[ROWS - 1]).isCloseTo(exact(matrix, ROWS - 1, query), within(1e-4f));
    assertThat(scan.waiting()).isZero();
  }

  @Test
  void bad_arguments_are_refused_before_they_reach_a_pass() {
    SharedScan scan = new SharedScan(new float[ROWS * DIM], ROWS, DIM, null);

    assertThatThrownBy(() -> scan.score(new float[DIM - 1], new float[ROWS]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query of 19 floats");
    assertThatThrownBy(() -> scan.score(new float[DIM], new float[ROWS - 1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("53 places");
    assertThatThrownBy(() -> new SharedScan(new float[10], 3, 4, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(scan.waiting()).isZero();
  }

  @Test
  void a_pass_takes_as_many_queries_as_fit_the_cache_budget() {
    assertThat(new SharedScan(new float[0], 0, 128, null).maxBatch()).isEqualTo(32);
    assertThat(new SharedScan(new float[0], 0, 1128, null).maxBatch()).isEqualTo(29);
    assertThat(new SharedScan(new float[0], 0, 100_000, null).maxBatch()).isEqualTo(1);
  }

  @Test
  void a_lone_query_split_in_two_gets_the_scores_of_one_pass_whoever_scores_the_second_half()
      throws Exception {
    SplittableRandom random = new SplittableRandom(6);
    int rows = 1_000;
    for (int dim : new int[] {1, 19, 128}) {
      float[] matrix = randomFloats(random, rows * dim);
      int[] targets = new int[rows];
      for (int r = 0; r < rows; r++) {
        targets[r] = rows - 1 - r;
      }
      float[] query = randomFloats(random, dim);
      float[] unsplit = new float[rows];
      RowScores.fastest()
          .prepare(matrix, rows, dim)
          .scoreRows(new float[][] {query}, 1, targets, new float[][] {unsplit});
      ExecutorService helper = Executors.newSingleThreadExecutor();
      try {
        // a helper thread, a helper that runs the half at once, one that never gets to it
        for (java.util.concurrent.Executor helpers :
            List.<java.util.concurrent.Executor>of(helper, Runnable::run, task -> {})) {
          SharedScan scan =
              new SharedScan(matrix, rows, dim, targets, RowScores.fastest(), 1, helpers);
          float[] out = new float[rows];

          scan.score(query, out);

          assertThat(out).isEqualTo(unsplit);
          assertThat(scan.passes()).isEqualTo(1);
        }
      } finally {
        helper.shutdownNow();
      }
      assertThat(unsplit[rows - 1]).isCloseTo(exact(matrix, 0, query), within(1e-4f));
    }
  }

  @Test
  void a_failure_in_either_half_of_a_split_pass_fails_the_query_and_the_next_one_works() {
    int rows = 300; // 5 blocks of the plain kernel: 0-2 scored by the caller, 3-4 by the helper
    float[] matrix = randomFloats(new SplittableRandom(7), rows * DIM);
    for (int failingRow : new int[] {10, 250}) {
      RowScores failingOnce = failingOnceAt(failingRow);
      SharedScan scan = new SharedScan(matrix, rows, DIM, null, failingOnce, 1, Runnable::run);
      float[] query = randomFloats(new SplittableRandom(8), DIM);

      assertThatThrownBy(() -> scan.score(query, new float[rows]))
          .isInstanceOf(IllegalStateException.class)
          .hasRootCauseMessage("boom at " + failingRow);
      float[] out = new float[rows];
      scan.score(query, out);
      for (int r = 0; r < rows; r++) {
        assertThat(out[r]).isCloseTo(exact(matrix, r, query), within(1e-4f));
      }
    }
  }

  /** The scalar kernel, except that scoring {@code row} throws, the first time only. */
  private static RowScores failingOnceAt(int row) {
    return new RowScores() {
      boolean failed;

      @Override
      public boolean simd() {
        return false;
      }

      @Override
      public float dot(float[] m, int offset, float[] query, int dim) {
        if (!failed && offset == row * dim) {
          failed = true;
          throw new ArithmeticException("boom at " + row);
        }
        return RowScores.scalar().dot(m, offset, query, dim);
      }
    };
  }

  private static float exact(float[] matrix, int row, float[] query) {
    double sum = 0;
    for (int d = 0; d < query.length; d++) {
      sum += (double) matrix[row * query.length + d] * query[d];
    }
    return (float) sum;
  }

  private static float[] randomFloats(SplittableRandom random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }

  /** The scalar kernel, recording each pass's size; the first pass waits for a latch. */
  private static final class RecordingKernel extends RowScores {
    final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstPassMayFinish;

    RecordingKernel(CountDownLatch firstPassMayFinish) {
      this.firstPassMayFinish = firstPassMayFinish;
    }

    @Override
    public boolean simd() {
      return false;
    }

    @Override
    public float dot(float[] matrix, int offset, float[] query, int dim) {
      return RowScores.scalar().dot(matrix, offset, query, dim);
    }

    @Override
    public Prepared prepare(float[] matrix, int rows, int dim) {
      Prepared plain = super.prepare(matrix, rows, dim);
      return new Prepared() {
        @Override
        public int blocks() {
          return plain.blocks();
        }

        @Override
        public void scoreRows(
            float[][] queries,
            int count,
            int[] targets,
            float[][] outs,
            int fromBlock,
            int toBlock) {
          batches.add(count);
          if (batches.size() == 1) {
            try {
              firstPassMayFinish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          plain.scoreRows(queries, count, targets, outs, fromBlock, toBlock);
        }
      };
    }
  }
}

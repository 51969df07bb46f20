package app.movierec.recommend.als;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * Gets the SIMD row kernels compiled before training starts. Until the JIT's optimising compiler
 * (C2) has compiled them, Vector API code runs as plain Java objects, one allocation per vector
 * operation and one to two orders of magnitude slower. Left to the training itself, both workers
 * would solve real rows that way while C2 works: measured at 20M ratings, that added about 2 CPU
 * seconds and 250 MB of short-lived garbage (which the collector answers by growing the heap) to
 * the first iteration. Here one thread solves a small synthetic row (one vector of factors, five
 * ratings) until a solve no longer allocates, the sign that compiled code runs, pausing now and
 * then so that the compiler threads get the cores: measured, about 0.5 CPU seconds and 3000 solves,
 * after which the first iteration's extra garbage was mostly gone (peak RSS at 5M ratings 290 MB
 * instead of 450-500 MB). The four-row Gram product is called once per round too (left cold, it
 * added 200 MB to the peak RSS of fits on ml-latest-small). The results of training do not depend
 * on this; it only moves and shrinks the JIT's cost.
 */
final class KernelWarmUp {

  private static final int MIN_ROUNDS = 1_500;
  private static final int ROW_RATINGS = 5; // one group of four and a remainder
  private static final long MAX_CPU_NANOS = 2_000_000_000L;
  private static final long MAX_WAIT_NANOS = 10_000_000_000L;

  private static final com.sun.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
              && threads.isThreadAllocatedMemorySupported()
              && threads.isThreadAllocatedMemoryEnabled()
          ? threads
          : null;

  private static volatile boolean done;

  private KernelWarmUp() {}

  /** Warms the kernels used for {@code f} factors, once per JVM; returns at once after that. */
  static void ensureWarm(int f) {
    if (done || !RowKernels.SIMD_AVAILABLE) {
      return;
    }
    synchronized (KernelWarmUp.class) {
      if (!done) {
        run(f);
        done = true;
      }
    }
  }

  private static void run(int f) {
    // as few lanes as possible (the compiled code does not depend on f), but the same remainder
    // after whole vectors as the real f, so that no path is left cold
    int lanes = SimdRowKernels.lanes();
    int warmF = lanes + f % lanes;
    RowKernels kernels = RowKernels.simd(warmF);
    RowSolver solver = new RowSolver(kernels);
    SplittableRandom random = new SplittableRandom(1);
    int rows = 64;
    float[] y = new float[rows * warmF];
    for (int k = 0; k < y.length; k++) {
      y[k] = (float) (random.nextDouble() * 0.1);
    }
    float[] gram = new float[warmF * warmF];
    for (int d = 0; d < warmF; d++) {
      gram[d * warmF + d] = 2;
    }
    int[] cols = new int[ROW_RATINGS];
    float[] conf = new float[ROW_RATINGS];
    for (int k = 0; k < ROW_RATINGS; k++) {
      cols[k] = k * 4;
      conf[k] = 1 + 0.5f * (k % 10);
    }
    float[] start = new float[warmF];
    for (int d = 0; d < warmF; d++) {
      start[d] = (float) (random.nextDouble() * 0.01);
    }
    float[] x = new float[warmF];
    float[] block = new float[ROW_RATINGS * warmF];
    float[][] four = new float[4][];
    float[][] fourOut = new float[4][warmF];
    float[] fourExtra = new float[4];
    java.util.Arrays.fill(four, start);
    long cpuBudget = cpuNanos() + MAX_CPU_NANOS;
    long deadline = System.nanoTime() + MAX_WAIT_NANOS;
    for (int round = 1; ; round++) {
      long before = allocatedBytes();
      // the same start every time, so that every solve takes all its CG steps
      System.arraycopy(start, 0, x, 0, warmF);
      solver.conjugateGradient(x, 0, y, gram, cols, conf, 0, ROW_RATINGS, 3);
      // the kernels a solve calls only once or twice, more often, so that all get compiled
      for (int extra = 0; extra < 3; extra++) {
        kernels.gather(y, cols, 0, ROW_RATINGS, block);
        kernels.direction(start, 0.5f, x);
      }
      kernels.gramTimes4(gram, four, fourExtra, fourOut);
      boolean allocated = allocatedBytes() != before;
      if (round >= MIN_ROUNDS) {
        if (!allocated || before < 0) {
          return;
        }
        if (cpuNanos() > cpuBudget || System.nanoTime() > deadline) {
          return; // the JIT is slow or unusual here; training works either way
        }
        if (round % 64 == 0) {
          sleepBriefly(); // compilations are queued; let the compiler threads have the cores
        }
      }
    }
  }

  private static long cpuNanos() {
    return THREADS != null ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** This thread's allocated bytes so far, or -1 where the JVM does not tell. */
  private static long allocatedBytes() {
    return THREADS != null ? THREADS.getCurrentThreadAllocatedBytes() : -1;
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ALS training was interrupted", e);
    }
  }
}

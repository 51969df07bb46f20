package app.movierec.recommend;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Locale;

/**
 * Measures one stage of preparing the recommender: wall time, the whole process's CPU time (all
 * threads, the JIT and the garbage collector included) and the peak heap while it ran (the heap
 * pools' peaks since the stage began, summed: an upper bound). The figures go to the log in one
 * line per stage, which the pipeline benchmark reads.
 */
final class StageMeter {

  private final String stage;
  private final long startNanos;
  private final long startCpuNanos;

  private StageMeter(String stage) {
    this.stage = stage;
    resetPeaks();
    this.startNanos = System.nanoTime();
    this.startCpuNanos = processCpuNanos();
  }

  static StageMeter start(String stage) {
    return new StageMeter(stage);
  }

  /** "Stage read training data: 2.31 s wall, 3.02 s CPU, peak heap 1,234 MB (snapshot)". */
  String done(String detail) {
    double wall = (System.nanoTime() - startNanos) / 1e9;
    double cpu = (processCpuNanos() - startCpuNanos) / 1e9;
    return String.format(
        Locale.ROOT,
        "Stage %s: %.2f s wall, %.2f s CPU, peak heap %,d MB%s",
        stage,
        wall,
        cpu,
        peakHeapBytes() >> 20,
        detail.isEmpty() ? "" : " (" + detail + ")");
  }

  /** CPU time of the whole process so far (0 where the platform does not say). */
  static long processCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        pool.resetPeakUsage();
      }
    }
  }

  static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}

package app.movierec.cli;

import app.movierec.common.ProgressListener;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.als.RatingMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * ALS training speed and memory on one MovieLens-format {@code ratings.csv}, for the side by side
 * with benfred/implicit ({@code src/bench/als-vs-implicit.sh}): per-iteration wall and CPU seconds
 * of each fit, and the peak resident set ({@code VmHWM} of {@code /proc/self/status}, reset after
 * loading, as implicit's harness does) and peak heap during the fits. Figures are printed, never
 * asserted; the last line starts with {@code RESULT} for scripts.
 */
public final class AlsSpeedBenchmark {

  /**
   * What to run.
   *
   * @param ratings a MovieLens {@code ratings.csv} (userId,movieId,rating,timestamp with a header)
   * @param config the ALS hyperparameters
   * @param threads ALS worker threads
   * @param warmups untimed fits first (for small files, where JIT compilation would dominate)
   * @param fits timed fits
   */
  public record Settings(Path ratings, AlsConfig config, int threads, int warmups, int fits) {}

  private AlsSpeedBenchmark() {}

  /** Loads the ratings, fits {@code warmups + fits} times and prints the figures to {@code out}. */
  public static void run(Settings settings, PrintWriter out) {
    AlsConfig config = settings.config();
    long loadStart = System.nanoTime();
    Ratings ratings = Ratings.read(settings.ratings());
    RatingMatrix matrix =
        RatingMatrix.of(ratings.userIds(), ratings.movieIds(), ratings.ratings(), config);
    ratings = null;
    out.printf(
        Locale.ROOT,
        "ratings: %s: %d ratings, %d users, %d movies, loaded in %.1f s; ALS %s, %d threads,"
            + " %s%n",
        settings.ratings(),
        matrix.nonZeros(),
        matrix.users().size(),
        matrix.items().size(),
        (System.nanoTime() - loadStart) / 1e9,
        config.cacheKey(),
        settings.threads(),
        Runtime.version());
    AlsTrainer trainer = new AlsTrainer(config, settings.threads());
    // like the harness's imports of numpy and implicit before its timing: load ND4J's native code
    AlsTrainer.loadNativeLibraries();
    returnFreeHeapToTheSystem();
    long rssBefore = procStatusKb("VmRSS");
    long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    long committedBefore = Runtime.getRuntime().totalMemory();
    resetPeaks();
    Map<String, Double> threadCpuBefore = cpuByThread();
    for (int fit = 1; fit <= settings.warmups(); fit++) {
      trainer.train(matrix, ProgressListener.NONE);
      out.printf(Locale.ROOT, "warm-up fit %d of %d done%n", fit, settings.warmups());
    }
    double[] fitWall = new double[settings.fits()];
    double[] fitCpu = new double[settings.fits()];
    double[] iterationWall = new double[settings.fits() * config.iterations()];
    double[] iterationCpu = new double[iterationWall.length];
    for (int fit = 0; fit < settings.fits(); fit++) {
      int fitIndex = fit;
      long[] last = {System.nanoTime(), processCpuNanos()};
      long start = last[0];
      long cpuStart = last[1];
      trainer.train(
          matrix,
          (phase, fraction) -> {
            int iterations = config.iterations();
            int iteration = (int) Math.round(fraction * iterations);
            long now = System.nanoTime();
            long cpu = processCpuNanos();
            int k = fitIndex * iterations + iteration - 1;
            iterationWall[k] = (now - last[0]) / 1e9;
            iterationCpu[k] = (cpu - last[1]) / 1e9;
            last[0] = now;
            last[1] = cpu;
            if (settings.fits() == 1 || iterations <= 5) {
              out.printf(
                  Locale.ROOT,
                  "fit %d iteration %d of %d: %.3f s wall, %.3f s CPU%n",
                  fitIndex + 1,
                  iteration,
                  iterations,
                  iterationWall[k],
                  iterationCpu[k]);
            }
          });
      fitWall[fit] = (System.nanoTime() - start) / 1e9;
      fitCpu[fit] = (processCpuNanos() - cpuStart) / 1e9;
      out.printf(
          Locale.ROOT, "fit %d: %.3f s wall, %.3f s CPU%n", fit + 1, fitWall[fit], fitCpu[fit]);
    }
    long peakRss = procStatusKb("VmHWM");
    Map<String, Double> threadCpuAfter = cpuByThread();
    out.printf(
        Locale.ROOT,
        "of the fits' CPU time: JIT compiler threads %.2f s, GC threads %.2f s%n",
        threadCpuAfter.getOrDefault("JIT", 0.0) - threadCpuBefore.getOrDefault("JIT", 0.0),
        threadCpuAfter.getOrDefault("GC", 0.0) - threadCpuBefore.getOrDefault("GC", 0.0));
    double wall = median(fitWall);
    double cpu = median(fitCpu);
    int iterations = config.iterations();
    out.printf(
        Locale.ROOT,
        "RSS before the fits %d MB (heap %d MB used of %d MB committed), peak during the fits %d"
            + " MB; peak heap %d MB (max heap %d MB)%n",
        rssBefore >> 10,
        heapBefore >> 20,
        committedBefore >> 20,
        peakRss >> 10,
        peakHeapBytes() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    out.printf(
        Locale.ROOT,
        "RESULT project factors=%d iterations=%d fits=%d fit_wall_median=%.3f fit_cpu_median=%.3f"
            + " per_iteration_wall=%.3f per_iteration_cpu=%.3f per_iteration_wall_median=%.3f"
            + " peak_rss_mb=%d rss_before_mb=%d peak_heap_mb=%d%n",
        config.factors(),
        iterations,
        settings.fits(),
        wall,
        cpu,
        wall / iterations,
        cpu / iterations,
        median(iterationWall),
        peakRss >> 10,
        rssBefore >> 10,
        peakHeapBytes() >> 20);
  }

  /** Parallel arrays of a ratings file. */
  record Ratings(int[] userIds, int[] movieIds, float[] ratings) {

    /**
     * Reads {@code userId,movieId,rating[,...]} lines after a header. Hand-parsed in two passes
     * (count lines, then fill exactly sized primitive arrays) so that 20M ratings take 12 bytes
     * each and no garbage: the heap stays small for the memory figures.
     */
    static Ratings read(Path file) {
      try {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
              if (buffer[i] == '\n') {
                lines++;
              }
            }
          }
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, lines);
        int[] userIds = new int[capacity];
        int[] movieIds = new int[capacity];
        float[] ratings = new float[capacity];
        int count = 0;
        try (InputStream in = Files.newInputStream(file)) {
          LineReader reader = new LineReader(in, file);
          reader.skipLine(); // header
          while (reader.hasMore()) {
            if (count == capacity) {
              throw new IllegalArgumentException(file + ": more lines than counted");
            }
            userIds[count] = reader.nextInt();
            movieIds[count] = reader.nextInt();
            ratings[count] = reader.nextFloat();
            reader.skipLine();
            count++;
          }
        }
        if (count < capacity) {
          userIds = Arrays.copyOf(userIds, count);
          movieIds = Arrays.copyOf(movieIds, count);
          ratings = Arrays.copyOf(ratings, count);
        }
        return new Ratings(userIds, movieIds, ratings);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
  }

  /**
   * Comma-separated fields of a byte stream, parsed from its own buffer without creating strings (a
   * call per byte on a {@code BufferedInputStream} costs seconds at 20M lines).
   */
  private static final class LineReader {
    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    private final InputStream in;
    private final Path file;
    private final byte[] buffer = new byte[1 << 16];
    private final char[] token = new char[64];
    private int position;
    private int limit;
    private long line = 2;
    private int next;

    LineReader(InputStream in, Path file) throws IOException {
      this.in = in;
      this.file = file;
      advance();
    }

    private void advance() throws IOException {
      if (position == limit) {
        limit = Math.max(0, in.read(buffer));
        position = 0;
        if (limit == 0) {
          next = -1;
          return;
        }
      }
      next = buffer[position++];
    }

    boolean hasMore() throws IOException {
      while (next == '\r' || next == '\n') {
        advance();
      }
      return next >= 0;
    }

    void skipLine() throws IOException {
      while (next >= 0 && next != '\n') {
        advance();
      }
      if (next == '\n') {
        advance();
        line++;
      }
    }

    int nextInt() throws IOException {
      long value = 0;
      int digits = 0;
      while (next >= '0' && next <= '9') {
        value = value * 10 + (next - '0');
        digits++;
        advance();
      }
      if (digits == 0 || digits > 10 || value > Integer.MAX_VALUE || next != ',') {
        throw new IllegalArgumentException(file + ":" + line + ": expected an id and a comma");
      }
      advance();
      return (int) value;
    }

    /**
     * A plain decimal ({@code 4}, {@code 3.5}): for up to nine digits the double quotient is exact
     * for half stars and correctly rounded otherwise; anything else goes through {@link
     * Float#parseFloat}.
     */
    float nextFloat() throws IOException {
      long mantissa = 0;
      int digits = 0;
      int fractionDigits = -1;
      int length = 0;
      while (next >= 0 && next != ',' && next != '\n' && next != '\r') {
        if (length < token.length) {
          token[length++] = (char) next;
        }
        if (next >= '0' && next <= '9') {
          mantissa = mantissa * 10 + (next - '0');
          digits++;
          if (fractionDigits >= 0) {
            fractionDigits++;
          }
        } else if (next == '.' && fractionDigits < 0) {
          fractionDigits = 0;
        } else {
          digits = Integer.MAX_VALUE;
        }
        advance();
      }
      if (digits > 0 && digits <= 9) {
        return (float) (mantissa / POWERS_OF_TEN[Math.max(0, fractionDigits)]);
      }
      String text = new String(token, 0, length);
      try {
        return Float.parseFloat(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file + ":" + line + ": rating '" + text + "' is not a number", e);
      }
    }
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * CPU seconds of this process's live threads by kind (JIT compilers, GC, the rest), from {@code
   * /proc/self/task} (Linux; 100 clock ticks per second, as on all common kernels); empty
   * elsewhere.
   */
  static Map<String, Double> cpuByThread() {
    Map<String, Double> seconds = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException e) {
          continue; // the thread has ended
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        String kind =
            name.startsWith("C1 ") || name.startsWith("C2 ")
                ? "JIT"
                : name.startsWith("G1") || name.startsWith("GC ") ? "GC" : "other";
        seconds.merge(kind, cpu, Double::sum);
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return seconds;
  }

  /** A {@code kB} field of {@code /proc/self/status} (Linux), or 0 where there is none. */
  static long procStatusKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: no figure
    }
    return 0;
  }

  /**
   * Collects the loader's garbage and lets the JVM give the freed heap back to the operating
   * system, as numpy does when the harness deletes its loader arrays: by default G1 keeps up to 70
   * % of its heap free after a full GC, which would count the CSV parsing in the memory of the fit.
   * The heap-sizing ratios are manageable flags; they are restored afterwards.
   */
  private static void returnFreeHeapToTheSystem() {
    var hotspot =
        ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
    String min = hotspot.getVMOption("MinHeapFreeRatio").getValue();
    String max = hotspot.getVMOption("MaxHeapFreeRatio").getValue();
    try {
      hotspot.setVMOption("MinHeapFreeRatio", "0");
      hotspot.setVMOption("MaxHeapFreeRatio", "10");
      System.gc();
      waitForSteadyRss(); // G1 gives the memory back in the background
    } catch (IllegalArgumentException e) {
      System.gc(); // a collector without these flags
    } finally {
      hotspot.setVMOption("MaxHeapFreeRatio", max);
      hotspot.setVMOption("MinHeapFreeRatio", min);
    }
  }

  private static void waitForSteadyRss() {
    long last = procStatusKb("VmRSS");
    for (int tries = 0; tries < 50; tries++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long now = procStatusKb("VmRSS");
      if (Math.abs(now - last) < 1024) {
        return;
      }
      last = now;
    }
  }

  /** Resets the kernel's peak-RSS mark (as implicit's harness does) and the heap pools' peaks. */
  private static void resetPeaks() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // not Linux or not allowed: VmHWM then covers the whole run
    }
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /**
   * Sum of the heap pools' peaks since the reset (an upper bound: pools peak at different times).
   */
  private static long peakHeapBytes() {
    long sum = 0;
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    for (MemoryPoolMXBean pool : pools) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}

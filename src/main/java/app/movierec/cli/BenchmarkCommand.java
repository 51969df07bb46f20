package app.movierec.cli;

import app.movierec.common.ProgressListener;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import app.movierec.recommend.HybridModel;
import app.movierec.recommend.HybridTrainer;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.als.RatingMatrix;
import app.movierec.recommend.hybrid.BlendSettings;
import app.movierec.recommend.hybrid.BlendWeights;
import app.movierec.recommend.hybrid.StandardScores;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark}: speed figures, printed, never asserted. ALS fit time on a MovieLens folder
 * after warm-up, per-user score-all + top-20 latency, hybrid re-blend latency, and a synthetic
 * long-tail run (by default 20M ratings, 140k users, 27k movies) with seconds per iteration and
 * peak heap.
 */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print speed figures: ALS fit time, scoring and re-blend latency on a MovieLens folder,",
      "and seconds per ALS iteration on a synthetic long-tail data set."
    })
final class BenchmarkCommand implements Callable<Integer> {

  private static final int SYNTHETIC_USERS = 140_000;
  private static final int SYNTHETIC_MOVIES = 27_000;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "a MovieLens folder to time")
  Path dataDir;

  @Option(
      names = "--genome",
      paramLabel = "DIR",
      description = "where the genome files are (default: the data folder)")
  Path genomeDir;

  @Option(
      names = "--fits",
      paramLabel = "N",
      defaultValue = "3",
      description = "timed fits after two warm-ups (default: ${DEFAULT-VALUE})")
  int fits;

  @Option(
      names = "--users",
      paramLabel = "N",
      defaultValue = "2000",
      description = "users sampled for the latency figures (default: ${DEFAULT-VALUE})")
  int sampledUsers;

  @Option(
      names = "--synthetic-ratings",
      paramLabel = "N",
      defaultValue = "20000000",
      description = "size of the synthetic run, 0 to skip it (default: ${DEFAULT-VALUE})")
  int syntheticRatings;

  @Option(
      names = "--synthetic-iterations",
      paramLabel = "N",
      defaultValue = "3",
      description = "ALS iterations of the synthetic run (default: ${DEFAULT-VALUE})")
  int syntheticIterations;

  @Mixin AlsOptions als;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (fits < 1 || fits > 100) {
      throw UserInputException.usage("--fits must be between 1 and 100, got " + fits);
    }
    if (sampledUsers < 1) {
      throw UserInputException.usage("--users must be at least 1, got " + sampledUsers);
    }
    if (syntheticRatings < 0 || syntheticRatings > 200_000_000) {
      throw UserInputException.usage("--synthetic-ratings must be between 0 and 200000000");
    }
    // 64 factors unless told otherwise: the figure the README's speed table quotes
    AlsConfig config = als.applyTo(AlsConfig.defaults().withFactors(64));
    int threads = Runtime.getRuntime().availableProcessors();
    out.printf(
        Locale.ROOT,
        "cores: %d, ALS worker threads: %d, OpenBLAS threads: %s, max heap: %d MB%n",
        threads,
        threads,
        System.getProperty("org.bytedeco.openblas.nthreads", "(default)"),
        Runtime.getRuntime().maxMemory() >> 20);
    if (dataDir != null) {
      benchmarkFolder(DataFolder.of(dataDir, genomeDir).load(), config, out);
    }
    if (syntheticRatings > 0) {
      int iterations = als.iterations != null ? als.iterations : syntheticIterations;
      benchmarkSynthetic(syntheticRatings, config.withIterations(iterations), out);
    }
    return Commands.EXIT_OK;
  }

  private void benchmarkFolder(TrainingData data, AlsConfig config, PrintWriter out) {
    RatingMatrix matrix = RatingMatrix.of(data, config);
    out.printf(
        Locale.ROOT,
        "data: %d ratings, %d users, %d rated movies; ALS %s%n",
        matrix.nonZeros(),
        matrix.users().size(),
        matrix.items().size(),
        config.cacheKey());
    AlsTrainer trainer = new AlsTrainer(config);
    // warm-up: let the JIT compile the CG loops and ND4J load its natives
    trainer.train(matrix, ProgressListener.NONE);
    trainer.train(matrix, ProgressListener.NONE);
    double[] seconds = new double[fits];
    double[] cpuSeconds = new double[fits];
    AlsModel alsModel = null;
    for (int i = 0; i < fits; i++) {
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      alsModel = trainer.train(matrix, ProgressListener.NONE);
      seconds[i] = (System.nanoTime() - start) / 1e9;
      cpuSeconds[i] = (processCpuNanos() - cpuStart) / 1e9;
    }
    Arrays.sort(seconds);
    Arrays.sort(cpuSeconds);
    out.printf(
        Locale.ROOT,
        "ALS fit (%d factors, %d iterations): median %.3f s, best %.3f s over %d fits after"
            + " 2 warm-ups (target <= 1 s)%n",
        config.factors(),
        config.iterations(),
        seconds[fits / 2],
        seconds[0],
        fits);
    out.printf(
        Locale.ROOT,
        "ALS fit CPU time: median %.3f s (of %d cores; wall time on idle cores is about CPU time"
            + " / cores; load average now %.2f)%n",
        cpuSeconds[fits / 2],
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

    HybridModel model =
        new HybridTrainer(config)
            .fit(
                data,
                alsModel,
                BlendSettings.fixed(BlendWeights.DEFAULT_ALS_WEIGHT),
                ProgressListener.NONE);
    int[] userRows = sampleRows(alsModel.users().size(), sampledUsers);
    UserHistory[] histories = new UserHistory[userRows.length];
    for (int i = 0; i < userRows.length; i++) {
      histories[i] = model.trainedHistory(alsModel.users().idAt(userRows[i])).orElseThrow();
    }

    // per-user scoring of every movie + top 20, excluding rated movies
    AlsModel trained = alsModel;
    int rounds = Math.max(3, 3000 / userRows.length);
    long[] nanos = new long[userRows.length * rounds];
    for (int round = -2; round < rounds; round++) {
      // two warm-up rounds
      for (int i = 0; i < userRows.length; i++) {
        long start = System.nanoTime();
        trained.recommend(histories[i], 20);
        if (round >= 0) {
          nanos[round * userRows.length + i] = System.nanoTime() - start;
        }
      }
    }
    printLatency(
        "score all " + alsModel.movies().size() + " movies + top 20 (target <= 2 ms)", nanos, out);

    // hybrid re-blend: the per-user vectors are cached, a weight change only re-blends
    int blendUsers = Math.min(200, userRows.length);
    StandardScores[] cached = new StandardScores[blendUsers];
    long[] prepare = new long[blendUsers];
    for (int i = 0; i < blendUsers; i++) {
      long start = System.nanoTime();
      cached[i] = model.standardScores(histories[i]).orElseThrow();
      prepare[i] = System.nanoTime() - start;
    }
    printLatency("hybrid first request (ALS + content scores, standardised)", prepare, out);
    long[] blend = new long[blendUsers * 10];
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < blend.length; i++) {
        HybridModel blended = model.withWeights(BlendWeights.ofAlsWeight((i % 11) / 10.0));
        long start = System.nanoTime();
        blended.recommend(histories[i % blendUsers], cached[i % blendUsers], 20);
        blend[i] = System.nanoTime() - start;
      }
    }
    printLatency(
        "hybrid re-blend of " + model.movies().size() + " movies + top 20 (target < 5 ms)",
        blend,
        out);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private static int[] sampleRows(int rows, int wanted) {
    int count = Math.min(rows, wanted);
    int[] sample = new int[count];
    for (int i = 0; i < count; i++) {
      sample[i] = (int) ((long) i * rows / count);
    }
    return sample;
  }

  private static void printLatency(String what, long[] nanos, PrintWriter out) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2] / 1e6;
    double p99 =
        sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
    out.printf(
        Locale.ROOT,
        "%s: median %.3f ms, p99 %.3f ms over %d calls%n",
        what,
        median,
        p99,
        sorted.length);
  }

  private static void benchmarkSynthetic(int ratingCount, AlsConfig config, PrintWriter out) {
    double scale = Math.min(1.0, ratingCount / 20e6);
    int users = Math.max(10, (int) Math.round(SYNTHETIC_USERS * scale));
    int movies = SYNTHETIC_MOVIES;
    out.printf(
        Locale.ROOT,
        "synthetic: generating ~%d ratings, %d users, %d movies (Zipf popularity)%n",
        ratingCount,
        users,
        movies);
    resetPeaks();
    long start = System.nanoTime();
    SyntheticRatings synthetic = SyntheticRatings.generate(ratingCount, users, movies, 20_261_124L);
    RatingMatrix matrix =
        RatingMatrix.of(synthetic.userIds(), synthetic.movieIds(), synthetic.ratings(), config);
    out.printf(
        Locale.ROOT,
        "synthetic: %d ratings, %d users, %d rated movies built in %.1f s%n",
        matrix.nonZeros(),
        matrix.users().size(),
        matrix.items().size(),
        (System.nanoTime() - start) / 1e9);
    synthetic = null;
    long[] last = {System.nanoTime(), processCpuNanos()};
    double[] perIteration = new double[config.iterations()];
    double[] cpuPerIteration = new double[config.iterations()];
    new AlsTrainer(config)
        .train(
            matrix,
            (phase, fraction) -> {
              int iteration = (int) Math.round(fraction * config.iterations());
              long now = System.nanoTime();
              long cpu = processCpuNanos();
              perIteration[iteration - 1] = (now - last[0]) / 1e9;
              cpuPerIteration[iteration - 1] = (cpu - last[1]) / 1e9;
              last[0] = now;
              last[1] = cpu;
              out.printf(
                  Locale.ROOT,
                  "synthetic: iteration %d of %d took %.2f s (%.2f s CPU)%n",
                  iteration,
                  config.iterations(),
                  perIteration[iteration - 1],
                  cpuPerIteration[iteration - 1]);
            });
    double mean = Arrays.stream(perIteration).average().orElse(0);
    double cpuMean = Arrays.stream(cpuPerIteration).average().orElse(0);
    out.printf(
        Locale.ROOT,
        "synthetic: %.2f s per iteration (mean of %d, %d factors; %.2f s CPU), peak heap %d MB,"
            + " load average %.2f%n",
        mean,
        perIteration.length,
        config.factors(),
        cpuMean,
        peakHeapBytes() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /**
   * Sum of the heap pools' peak usage since the last reset (an upper bound: pools peak at different
   * times).
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

  /** Parallel rating arrays of a synthetic long-tail data set. */
  record SyntheticRatings(int[] userIds, int[] movieIds, float[] ratings) {

    /**
     * Users get a long-tailed number of ratings (mean {@code ratings / users}, at least 5); movies
     * are drawn with Zipf(1) popularity without repeats per user; stars are uniform over 0.5..5.0.
     */
    static SyntheticRatings generate(int ratings, int users, int movies, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      double[] cumulative = new double[movies];
      double total = 0;
      for (int m = 0; m < movies; m++) {
        total += 1.0 / (m + 1);
        cumulative[m] = total;
      }
      double meanPerUser = (double) ratings / users;
      int[] userIds = new int[ratings];
      int[] movieIds = new int[ratings];
      float[] stars = new float[ratings];
      int next = 0;
      java.util.BitSet seen = new java.util.BitSet(movies);
      for (int userId = 1; userId <= users && next < ratings; userId++) {
        // exponential counts: a few heavy raters, many light ones
        int wanted =
            (int)
                Math.max(5, Math.min(movies / 2, -Math.log(1 - random.nextDouble()) * meanPerUser));
        wanted = Math.min(wanted, ratings - next);
        if (userId == users) {
          wanted = Math.min(movies / 2, ratings - next);
        }
        seen.clear();
        int taken = 0;
        while (taken < wanted) {
          int index = Arrays.binarySearch(cumulative, random.nextDouble() * total);
          int movie = index >= 0 ? index : -index - 1;
          if (movie >= movies || seen.get(movie)) {
            continue;
          }
          seen.set(movie);
          userIds[next] = userId;
          movieIds[next] = movie + 1;
          stars[next] = 0.5f * (1 + random.nextInt(10));
          next++;
          taken++;
        }
      }
      return new SyntheticRatings(
          Arrays.copyOf(userIds, next), Arrays.copyOf(movieIds, next), Arrays.copyOf(stars, next));
    }
  }
}

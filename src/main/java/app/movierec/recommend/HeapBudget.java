package app.movierec.recommend;

import app.movierec.common.IdIndex;
import app.movierec.common.TrainingData;
import app.movierec.recommend.als.AlsConfig;
import java.util.Locale;
import java.util.Optional;

/**
 * How much heap preparing the recommender needs, estimated from the data's size before any big
 * array is allocated, so that a heap too small is reported with the {@code -Xmx} to use instead of
 * ending in an OutOfMemoryError half-way through training.
 *
 * <p>The estimate adds what is alive at the fit's peak: the training data (12 bytes a rating), the
 * rating matrix ALS trains on (both orientations, about 16 bytes a rating), the model's own copies
 * of the ratings (users' histories and the ALS user rows, 16 bytes), the factors, the genome three
 * times (raw, normalised, and laid out for serving's kernel), the smaller validation fit that
 * chooses the blend, and a fixed part for the web app (Spring, Vaadin, H2's cache, the score
 * cache). The garbage collector needs room beyond the live data, hence the factor {@value
 * #GC_HEADROOM}. Measured peaks ({@code Stage ...} log lines) lie below it: at ML-25M's shape the
 * fit peaked at about 2 GB and this asks for about 4 GB.
 */
final class HeapBudget {

  static final double GC_HEADROOM = 1.5;
  private static final long APP_BYTES = 640L << 20;
  private static final long BYTES_PER_RATING_DATA = 12;
  private static final long BYTES_PER_RATING_MATRIX = 16;
  private static final long BYTES_PER_RATING_MODEL = 16;

  private HeapBudget() {}

  /** Bytes of heap (-Xmx) the fit of {@code data} needs. */
  static long neededBytes(
      long ratings,
      long users,
      long movies,
      long genomeValues,
      int factors,
      boolean trainsAls,
      long validationRatings) {
    long live = ratings * (BYTES_PER_RATING_DATA + BYTES_PER_RATING_MODEL);
    live += 2 * 4L * (users + movies) * factors; // factors and their copies while solving
    live += 4L * movies * factors; // the item factors' copy for serving (RowScores.prepare)
    // the data's matrix, the normalised one, its copy for serving, and a transient
    live += 4 * 4L * genomeValues;
    live += 64L * movies; // content vectors, popularity, blend tables
    if (trainsAls) {
      live += ratings * BYTES_PER_RATING_MATRIX;
    }
    live +=
        validationRatings
            * (BYTES_PER_RATING_DATA + BYTES_PER_RATING_MATRIX + BYTES_PER_RATING_MODEL);
    return (long) (live * GC_HEADROOM) + APP_BYTES;
  }

  /** As above for this data and configuration. */
  static long neededBytes(
      TrainingData data, AlsConfig als, boolean trainsAls, boolean choosesBlend) {
    long users = IdIndex.of(data.ratingUserIds()).size();
    long validation = choosesBlend ? Math.min(data.ratingCount(), 5_000_000L) : 0;
    return neededBytes(
        data.ratingCount(),
        users,
        data.movieIds().length,
        (long) data.genome().size() * data.genome().dimension(),
        als.factors(),
        trainsAls,
        validation);
  }

  /**
   * A warning when the heap is smaller than the estimate, with the {@code -Xmx} to use; empty when
   * it is large enough. (A warning, not a refusal: the estimate is deliberately generous.)
   */
  static Optional<String> check(
      TrainingData data, AlsConfig als, boolean trainsAls, boolean choosesBlend) {
    return check(data, als, trainsAls, choosesBlend, Runtime.getRuntime().maxMemory());
  }

  static Optional<String> check(
      TrainingData data, AlsConfig als, boolean trainsAls, boolean choosesBlend, long max) {
    long needed = neededBytes(data, als, trainsAls, choosesBlend);
    if (max == Long.MAX_VALUE || max >= needed) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "The Java heap (%,d MB) is probably too small for %,d ratings: preparing the"
                + " recommender needs about %,d MB. If it runs out of memory, start Java with -Xmx%dg"
                + " (see the README's table of heap sizes per dataset).",
            max >> 20,
            data.ratingCount(),
            needed >> 20,
            gigabytes(needed)));
  }

  /**
   * The estimate as one log line, e.g. "Heap estimate: about 3,131 MB for 25,000,095 ratings
   * (-Xmx4g); this JVM may use 6,144 MB", so a run on a big heap still tells what a smaller one
   * needs.
   */
  static String summary(
      TrainingData data, AlsConfig als, boolean trainsAls, boolean choosesBlend, long max) {
    long needed = neededBytes(data, als, trainsAls, choosesBlend);
    return String.format(
        Locale.ROOT,
        "Heap estimate: about %,d MB for %,d ratings (-Xmx%dg); this JVM may use %,d MB",
        needed >> 20,
        data.ratingCount(),
        gigabytes(needed),
        max >> 20);
  }

  /** What to tell the user after an OutOfMemoryError. */
  static String outOfMemoryAdvice() {
    long max = Runtime.getRuntime().maxMemory();
    return String.format(
        Locale.ROOT,
        "the Java heap (-Xmx, now %,d MB) is too small for this dataset; start Java with a larger"
            + " one, e.g. -Xmx%dg (the README gives the heap to use per dataset)",
        max >> 20,
        Math.max(2, gigabytes(max) * 2));
  }

  /** Whole gigabytes, rounded up. */
  static long gigabytes(long bytes) {
    return (bytes + (1L << 30) - 1) >> 30;
  }
}

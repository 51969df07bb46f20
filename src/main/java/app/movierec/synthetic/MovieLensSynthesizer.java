package app.movierec.synthetic;

import app.movierec.common.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Writes a synthetic MovieLens folder: movies.csv, links.csv, ratings.csv, tags.csv,
 * genome-tags.csv and genome-scores.csv in the formats of ML-25M (LF line ends, UTF-8, quoted
 * fields where needed, titles with their year, {@code |}-separated genres, half stars, Unix
 * timestamps, 7-digit IMDb ids), drawn from a {@link PlantedModel} so that the right answers are
 * known. The same shape and seed give the same bytes, whatever the number of threads.
 *
 * <p>Speed: rows are formatted straight into byte buffers (no per-row objects), chunks of users or
 * movies are generated in parallel and written in order; a few hundred MB per second of output on
 * two cores.
 */
public final class MovieLensSynthesizer {

  /** The files a synthetic folder holds, in the order they are written. */
  public static final List<String> FILES =
      List.of(
          "genome-tags.csv",
          "movies.csv",
          "links.csv",
          "ratings.csv",
          "tags.csv",
          "genome-scores.csv");

  private static final long FIRST_RATING = 789_652_009L; // 1995-01-09, ML-25M's first
  private static final long LAST_RATING = 1_574_327_703L; // 2019-11-21, ML-25M's last
  private static final long FIRST_TAG = 1_135_429_210L; // 2005-12-24
  private static final int RATINGS_PER_CHUNK = 200_000;
  private static final int USER_TAGS_PER_TOPIC = 24;
  private static final int GENERIC_USER_TAGS = 60;
  private static final int PHRASES = 1024; // a phrase's code: vocabulary list * PHRASES + index

  /**
   * What was written.
   *
   * @param bytes the folder's size
   * @param ratedMovies movies with at least one rating
   * @param maxRatingsPerMovie ratings of the most rated movie
   * @param maxRatingsPerUser ratings of the most active user
   * @param medianRatingsPerUser the median user's ratings
   * @param meanRating mean stars
   */
  public record Summary(
      SyntheticShape shape,
      long seed,
      int topics,
      long bytes,
      Duration elapsed,
      int ratedMovies,
      int maxRatingsPerMovie,
      int maxRatingsPerUser,
      int medianRatingsPerUser,
      double meanRating) {}

  private final SyntheticShape shape;
  private final long seed;
  private final int threads;

  public MovieLensSynthesizer(SyntheticShape shape, long seed) {
    this(shape, seed, Runtime.getRuntime().availableProcessors());
  }

  public MovieLensSynthesizer(SyntheticShape shape, long seed, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.shape = shape;
    this.seed = seed;
    this.threads = threads;
  }

  /**
   * Writes the folder (created if missing; the six files are replaced if present).
   *
   * @throws IOException when a file cannot be written (a partial file is deleted)
   */
  public Summary write(Path folder, ProgressListener progress) throws IOException {
    long started = System.nanoTime();
    Files.createDirectories(folder);
    progress.progress("Planting the latent structure", -1);
    PlantedModel model = new PlantedModel(shape, seed);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "synthesize");
              thread.setDaemon(true);
              return thread;
            });
    try {
      ChunkedFileWriter writer = new ChunkedFileWriter(pool, threads);
      long bytes = 0;
      if (shape.genomeMovies() > 0) {
        bytes += writeGenomeTags(folder, writer, progress);
      }
      bytes += writeMovies(folder, model, writer, progress);
      bytes += writeLinks(folder, model, writer, progress);
      RatingStats stats = new RatingStats(shape.movies());
      bytes += writeRatings(folder, model, writer, stats, progress);
      bytes += writeTags(folder, model, writer, progress);
      if (shape.genomeMovies() > 0) {
        bytes += writeGenomeScores(folder, model, writer, progress);
      } else {
        Files.deleteIfExists(folder.resolve("genome-tags.csv"));
        Files.deleteIfExists(folder.resolve("genome-scores.csv"));
      }
      int[] perUser = model.ratingsPerUser.clone();
      Arrays.sort(perUser);
      return new Summary(
          shape,
          seed,
          model.topics,
          bytes,
          Duration.ofNanos(System.nanoTime() - started),
          stats.ratedMovies(),
          stats.maxPerMovie(),
          perUser[perUser.length - 1],
          perUser[perUser.length / 2],
          stats.halves / 2.0 / shape.ratings());
    } finally {
      pool.shutdownNow();
    }
  }

  private long writeGenomeTags(Path folder, ChunkedFileWriter writer, ProgressListener progress)
      throws IOException {
    List<String> names = Vocabulary.genomeTags(shape.genomeTags(), seed);
    return writer.write(
        folder.resolve("genome-tags.csv"),
        "tagId,tag",
        1,
        chunk -> {
          AsciiBuffer out = new AsciiBuffer(names.size() * 24);
          for (int t = 0; t < names.size(); t++) {
            out.number(t + 1).comma().csvField(names.get(t)).newline();
          }
          return out;
        },
        fraction -> progress.progress("Writing genome-tags.csv", fraction));
  }

  private long writeMovies(
      Path folder, PlantedModel model, ChunkedFileWriter writer, ProgressListener progress)
      throws IOException {
    int perChunk = 8192;
    return writer.write(
        folder.resolve("movies.csv"),
        "movieId,title,genres",
        chunks(shape.movies(), perChunk),
        chunk -> {
          AsciiBuffer out = new AsciiBuffer(perChunk * 48);
          int end = Math.min(shape.movies(), (chunk + 1) * perChunk);
          for (int j = chunk * perChunk; j < end; j++) {
            SplittableRandom random = model.random(PlantedModel.STREAM_TITLES, j);
            out.number(model.movieIds[j]).comma().csvField(title(random)).comma();
            genres(model, j, random, out);
            out.newline();
          }
          return out;
        },
        fraction -> progress.progress("Writing movies.csv", fraction));
  }

  /** "Night City (1994)", "Golden Empire, The (1971)", "\"Ghost\" Song (2003)", "Amélie Café". */
  private static String title(SplittableRandom random) {
    StringBuilder title = new StringBuilder();
    int style = random.nextInt(100);
    if (style == 0) {
      title.append('"').append(Vocabulary.titleWord(random)).append("\" ");
    }
    int words = 1 + random.nextInt(3);
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        title.append(' ');
      }
      title.append(Vocabulary.titleWord(random));
    }
    if (style >= 1 && style < 6) {
      title.append(", The");
    } else if (style >= 6 && style < 8) {
      title.append(", A");
    } else if (style == 8) {
      title.append(": ").append(Vocabulary.titleWord(random)).append(" of the ");
      title.append(Vocabulary.titleWord(random));
    }
    if (random.nextInt(50) != 0) {
      int year = 2019 - (int) Math.min(115, random.nextExponential() * 22);
      title.append(" (").append(year).append(')');
    }
    return title.toString();
  }

  /** Genres follow the movie's topics: each topic has two signature genres. */
  private static void genres(PlantedModel model, int j, SplittableRandom random, AsciiBuffer out) {
    List<String> genres = Vocabulary.GENRES;
    if (random.nextInt(100) < 8) {
      out.text(Vocabulary.NO_GENRES);
      return;
    }
    int mask = 0;
    int primary = model.primaryTopic[j];
    if (random.nextDouble() < 0.85) {
      mask |= 1 << signatureGenre(primary, 0);
    }
    if (random.nextDouble() < 0.6) {
      mask |= 1 << signatureGenre(primary, 1);
    }
    if (random.nextDouble() < 0.3) {
      mask |= 1 << signatureGenre(model.secondaryTopic[j], 0);
    }
    if (random.nextDouble() < 0.2) {
      mask |= 1 << random.nextInt(genres.size());
    }
    if (mask == 0) {
      mask = 1 << signatureGenre(primary, 0);
    }
    boolean first = true;
    for (int g = 0; g < genres.size(); g++) {
      if ((mask & (1 << g)) != 0) {
        if (!first) {
          out.ascii('|');
        }
        out.text(genres.get(g));
        first = false;
      }
    }
  }

  private static int signatureGenre(int topic, int which) {
    int count = Vocabulary.GENRES.size();
    int first = topic % count;
    if (which == 0) {
      return first;
    }
    int second = (topic * 7 + 4) % count;
    return second == first ? (first + 1) % count : second;
  }

  private long writeLinks(
      Path folder, PlantedModel model, ChunkedFileWriter writer, ProgressListener progress)
      throws IOException {
    int perChunk = 16384;
    return writer.write(
        folder.resolve("links.csv"),
        "movieId,imdbId,tmdbId",
        chunks(shape.movies(), perChunk),
        chunk -> {
          AsciiBuffer out = new AsciiBuffer(perChunk * 24);
          int end = Math.min(shape.movies(), (chunk + 1) * perChunk);
          for (int j = chunk * perChunk; j < end; j++) {
            SplittableRandom random = model.random(PlantedModel.STREAM_MOVIES, 1_000_000L + j);
            out.number(model.movieIds[j]).comma();
            out.zeroPadded(1_000 + 40L * j + random.nextInt(40), 7).comma();
            if (random.nextInt(500) != 0) { // ML-25M lacks the tmdbId of 0.2% of its movies
              out.number(2 + 5L * j + random.nextInt(5));
            }
            out.newline();
          }
          return out;
        },
        fraction -> progress.progress("Writing links.csv", fraction));
  }

  /** Per-movie rating counts and the star total, summed over the chunks. */
  private static final class RatingStats {
    private final int[] perMovie;
    private long halves;

    RatingStats(int movies) {
      perMovie = new int[movies];
    }

    synchronized void add(int[] chunkPerMovie, long chunkHalves) {
      for (int j = 0; j < perMovie.length; j++) {
        perMovie[j] += chunkPerMovie[j];
      }
      halves += chunkHalves;
    }

    int ratedMovies() {
      int rated = 0;
      for (int count : perMovie) {
        rated += count > 0 ? 1 : 0;
      }
      return rated;
    }

    int maxPerMovie() {
      return Arrays.stream(perMovie).max().orElse(0);
    }
  }

  private long writeRatings(
      Path folder,
      PlantedModel model,
      ChunkedFileWriter writer,
      RatingStats stats,
      ProgressListener progress)
      throws IOException {
    int[] perUser = model.ratingsPerUser;
    int[] chunkStarts = chunkStarts(perUser, RATINGS_PER_CHUNK);
    return writer.write(
        folder.resolve("ratings.csv"),
        "userId,movieId,rating,timestamp",
        chunkStarts.length - 1,
        chunk -> {
          int fromUser = chunkStarts[chunk];
          int toUser = chunkStarts[chunk + 1];
          long rows = 0;
          for (int u = fromUser; u < toUser; u++) {
            rows += perUser[u];
          }
          AsciiBuffer out = new AsciiBuffer((int) Math.min(1 << 30, rows * 30 + 64));
          int[] stamp = new int[shape.movies()];
          int[] chosen = new int[SyntheticShape.maxRatingsPerUser(shape.movies())];
          int[] perMovie = new int[shape.movies()];
          long halves = 0;
          for (int u = fromUser; u < toUser; u++) {
            halves += userRatings(model, u + 1, perUser[u], stamp, chosen, perMovie, out);
          }
          stats.add(perMovie, halves);
          return out;
        },
        fraction -> progress.progress("Writing ratings.csv", fraction));
  }

  /** One user's ratings, ascending movieId; returns the sum of their half stars. */
  private static long userRatings(
      PlantedModel model,
      int userId,
      int count,
      int[] stamp,
      int[] chosen,
      int[] perMovie,
      AsciiBuffer out) {
    SplittableRandom random = model.random(PlantedModel.STREAM_USERS, userId);
    double[] theta = model.taste(random);
    double[] tasteCumulative = new double[theta.length];
    double running = 0;
    for (int k = 0; k < theta.length; k++) {
      running += theta[k];
      tasteCumulative[k] = running;
    }
    int movies = stamp.length;
    long missLimit = 4L * count + 200;
    long misses = 0;
    int taken = 0;
    while (taken < count) {
      int j;
      if (misses < missLimit) {
        if (random.nextDouble() < PlantedModel.POPULARITY_SHARE) {
          j = PlantedModel.pick(model.popularityCumulative, random.nextDouble());
        } else {
          int k = PlantedModel.pick(tasteCumulative, random.nextDouble());
          j =
              model
                  .topicMembers[k][
                  PlantedModel.pick(model.topicCumulative[k], random.nextDouble())];
        }
      } else if (misses < 2 * missLimit) {
        // the user's topics are exhausted (a heavy rater): popular movies of any topic
        j = PlantedModel.pick(model.popularityCumulative, random.nextDouble());
      } else {
        j = random.nextInt(movies);
        while (stamp[j] == userId) {
          j = j + 1 == movies ? 0 : j + 1;
        }
      }
      if (stamp[j] == userId) {
        misses++;
        continue;
      }
      stamp[j] = userId;
      chosen[taken++] = j;
    }
    Arrays.sort(chosen, 0, count);
    double bias = 0.35 * random.nextGaussian();
    boolean wholeStars = random.nextDouble() < 0.4;
    long start = FIRST_RATING + (long) (random.nextDouble() * (LAST_RATING - FIRST_RATING));
    long span =
        Math.min(
            LAST_RATING - start,
            (long) Math.exp(Math.log(30 * 86_400) + 2 * random.nextGaussian()));
    long halves = 0;
    for (int i = 0; i < count; i++) {
      int j = chosen[i];
      double stars =
          3.15
              + 1.6 * model.affinity(theta, j)
              + model.quality[j]
              + bias
              + 0.8 * random.nextGaussian();
      int half = wholeStars ? 2 * (int) Math.round(stars) : (int) Math.round(stars * 2);
      half = Math.max(1, Math.min(10, half));
      halves += half;
      perMovie[j]++;
      out.number(userId).comma().number(model.movieIds[j]).comma().halfStars(half).comma();
      out.number(start + (long) (random.nextDouble() * span)).newline();
    }
    return halves;
  }

  private long writeTags(
      Path folder, PlantedModel model, ChunkedFileWriter writer, ProgressListener progress)
      throws IOException {
    List<List<String>> vocabulary =
        Vocabulary.userTags(model.topics, USER_TAGS_PER_TOPIC, GENERIC_USER_TAGS, seed);
    int[] perTagger = model.tagsPerTagger;
    int[] chunkStarts = chunkStarts(perTagger, RATINGS_PER_CHUNK / 2);
    return writer.write(
        folder.resolve("tags.csv"),
        "userId,movieId,tag,timestamp",
        chunkStarts.length - 1,
        chunk -> {
          AsciiBuffer out = new AsciiBuffer(1 << 16);
          for (int i = chunkStarts[chunk]; i < chunkStarts[chunk + 1]; i++) {
            userTags(model, model.taggerIds[i], perTagger[i], vocabulary, out);
          }
          return out;
        },
        fraction -> progress.progress("Writing tags.csv", fraction));
  }

  /** One user's tags, ascending movieId: popular movies, words of the movie's primary topic. */
  private static void userTags(
      PlantedModel model, int userId, int count, List<List<String>> vocabulary, AsciiBuffer out) {
    SplittableRandom random = model.random(PlantedModel.STREAM_TAGS, userId);
    long[] packed = new long[count];
    List<String> generic = vocabulary.getLast();
    for (int i = 0; i < count; i++) {
      int j = PlantedModel.pick(model.popularityCumulative, random.nextDouble());
      int phrase =
          random.nextDouble() < 0.75
              ? model.primaryTopic[j] * PHRASES + random.nextInt(USER_TAGS_PER_TOPIC)
              : model.topics * PHRASES + random.nextInt(generic.size());
      packed[i] = ((long) j << 32) | phrase;
    }
    Arrays.sort(packed);
    long start = FIRST_TAG + (long) (random.nextDouble() * (LAST_RATING - FIRST_TAG));
    long span = LAST_RATING - start;
    for (long entry : packed) {
      int j = (int) (entry >>> 32);
      int phrase = (int) entry;
      String tag = vocabulary.get(phrase / PHRASES).get(phrase % PHRASES);
      out.number(userId).comma().number(model.movieIds[j]).comma().csvField(tag).comma();
      out.number(start + (long) (random.nextDouble() * span)).newline();
    }
  }

  private long writeGenomeScores(
      Path folder, PlantedModel model, ChunkedFileWriter writer, ProgressListener progress)
      throws IOException {
    int tags = shape.genomeTags();
    int perChunk = Math.max(1, 100_000 / tags);
    int[] rows = model.genomeMovieRows;
    return writer.write(
        folder.resolve("genome-scores.csv"),
        "movieId,tagId,relevance",
        chunks(rows.length, perChunk),
        chunk -> {
          int end = Math.min(rows.length, (chunk + 1) * perChunk);
          AsciiBuffer out = new AsciiBuffer((end - chunk * perChunk) * tags * 22);
          int topics = model.topics;
          for (int g = chunk * perChunk; g < end; g++) {
            int j = rows[g];
            int movieId = model.movieIds[j];
            SplittableRandom random = model.random(PlantedModel.STREAM_GENOME, movieId);
            int primary = model.primaryTopic[j];
            int secondary = model.secondaryTopic[j];
            float s = model.secondaryWeight[j];
            for (int t = 0; t < tags; t++) {
              double x =
                  model.tagBias[t]
                      + model.tagLoadings[t * topics + primary] * (1 - s)
                      + model.tagLoadings[t * topics + secondary] * s
                      + 0.7 * random.nextGaussian();
              out.number(movieId).comma().number(t + 1).comma();
              out.fraction5(1 / (1 + Math.exp(-x))).newline();
            }
          }
          return out;
        },
        fraction -> progress.progress("Writing genome-scores.csv", fraction));
  }

  private static int chunks(int items, int perChunk) {
    return Math.max(1, (items + perChunk - 1) / perChunk);
  }

  /**
   * Boundaries of consecutive runs of entities holding about {@code rowsPerChunk} rows each (a
   * heavy entity gets a chunk of its own); {@code starts[c]..starts[c+1]} is chunk {@code c}.
   */
  static int[] chunkStarts(int[] rowsPerEntity, int rowsPerChunk) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    long rows = 0;
    for (int i = 0; i < rowsPerEntity.length; i++) {
      if (rows > 0 && rows + rowsPerEntity[i] > rowsPerChunk) {
        starts.add(i);
        rows = 0;
      }
      rows += rowsPerEntity[i];
    }
    starts.add(rowsPerEntity.length);
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}

package app.movierec.catalog.imports;

import app.movierec.catalog.GenomeTag;
import app.movierec.catalog.Link;
import app.movierec.catalog.Movie;
import app.movierec.catalog.UserTag;
import app.movierec.common.ProgressListener;
import app.movierec.ratings.StarRating;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Reads and validates a MovieLens folder and hands the rows to a {@link DatasetSink}. Validation is
 * the same for the database import and the batch commands: wrong header or column count,
 * non-numeric ids, ratings outside 0.5-5.0, ratings, links or tags of movies missing from
 * movies.csv, duplicate (user, movie) ratings, broken quoting and invalid UTF-8 are errors that
 * name the file and line ({@link OnError#FAIL}) or rows that are skipped and counted ({@link
 * OnError#SKIP}).
 *
 * <p>Genome rows of movies that are not in movies.csv are ignored rather than rejected: the genome
 * often comes from another release than the ratings (as with ml-latest-small, which has no genome
 * of its own).
 */
public final class MovieLensReader {

  static final List<String> MOVIES_HEADER = List.of("movieId", "title", "genres");
  static final List<String> LINKS_HEADER = List.of("movieId", "imdbId", "tmdbId");
  static final List<String> RATINGS_HEADER = List.of("userId", "movieId", "rating", "timestamp");
  static final List<String> TAGS_HEADER = List.of("userId", "movieId", "tag", "timestamp");
  static final List<String> GENOME_TAGS_HEADER = List.of("tagId", "tag");
  static final List<String> GENOME_SCORES_HEADER = List.of("movieId", "tagId", "relevance");

  private final MovieLensFiles files;
  private final int maxMovies;
  private final OnError onError;
  private final ProgressListener progress;
  private final SkippedRows skipped = new SkippedRows();
  private BooleanSupplier cancelled = () -> false;

  /**
   * @param maxMovies keep only this many movies (the most rated, genome movies first), or 0 for all
   */
  public MovieLensReader(
      MovieLensFiles files, int maxMovies, OnError onError, ProgressListener progress) {
    if (maxMovies < 0) {
      throw new IllegalArgumentException(
          "movierec.catalog.max-movies must be 0 (all) or positive, got " + maxMovies);
    }
    this.files = files;
    this.maxMovies = maxMovies;
    this.onError = onError;
    this.progress = progress;
  }

  /** Stops reading (with {@link ImportCancelledException}) once {@code cancelled} says so. */
  public MovieLensReader cancelledWhen(BooleanSupplier cancelled) {
    this.cancelled = cancelled;
    return this;
  }

  /**
   * Reads everything into {@code sink}; throws {@link ImportException} on the first problem when
   * failing on errors.
   */
  public ImportSummary read(DatasetSink sink) {
    long started = System.nanoTime();
    Path moviesFile = files.require(MovieLensFiles.MOVIES);
    Map<Integer, Movie> catalogue = readMovies(moviesFile);
    if (catalogue.isEmpty()) {
      throw new ImportException(
          moviesFile.getFileName().toString(),
          0,
          "holds no movies (nothing but its header, or every row was malformed); a dataset needs"
              + " its movies: is the file complete?");
    }

    List<GenomeTag> genomeTags = List.of();
    Map<Integer, float[]> genome = Map.of();
    Optional<Path> genomeScores = files.find(MovieLensFiles.GENOME_SCORES);
    Optional<Path> genomeTagsFile = files.find(MovieLensFiles.GENOME_TAGS);
    if (genomeScores.isPresent() != genomeTagsFile.isPresent()) {
      String missing = genomeScores.isPresent() ? "genome-tags.csv" : "genome-scores.csv";
      throw new ImportException(
          missing,
          0,
          "not found in "
              + files.genomeDir()
              + "; the tag genome needs both genome-scores.csv and genome-tags.csv");
    }
    if (genomeScores.isPresent()) {
      genomeTags = readGenomeTags(genomeTagsFile.get());
      genome = readGenomeScores(genomeScores.get(), genomeTags, catalogue.keySet());
    }

    Path ratingsFile = files.require(MovieLensFiles.RATINGS);
    Set<Integer> kept = catalogue.keySet();
    if (maxMovies > 0 && maxMovies < catalogue.size()) {
      kept = selectMini(ratingsFile, catalogue, genome.keySet());
    }
    final Set<Integer> keptMovies = kept;

    sink.genomeTags(genomeTags);
    List<Movie> movies =
        catalogue.values().stream().filter(m -> keptMovies.contains(m.getMovieId())).toList();
    sink.movies(movies);

    long links =
        files
            .find(MovieLensFiles.LINKS)
            .map(path -> readLinks(path, catalogue, keptMovies, sink))
            .orElse(0L);
    BitSet users = new BitSet();
    long ratings = readRatings(ratingsFile, catalogue, keptMovies, sink, users);
    long tags =
        files
            .find(MovieLensFiles.TAGS)
            .map(path -> readTags(path, catalogue, keptMovies, sink))
            .orElse(0L);

    long genomeMovies = 0;
    for (Map.Entry<Integer, float[]> vector : new TreeMap<>(genome).entrySet()) {
      if (keptMovies.contains(vector.getKey())) {
        sink.genomeVector(vector.getKey(), vector.getValue());
        genomeMovies++;
      }
    }
    return new ImportSummary(
        movies.size(),
        links,
        ratings,
        users.cardinality(),
        tags,
        genomeTags.size(),
        genomeMovies,
        skipped,
        Duration.ofNanos(System.nanoTime() - started));
  }

  public SkippedRows skipped() {
    return skipped;
  }

  private CsvFile csv(Path path, List<String> header) {
    return new CsvFile(path, header, onError, skipped).cancelledWhen(cancelled);
  }

  private static String get(String[] row, int column) {
    return row[column];
  }

  /** The database's column lengths, checked here so that a row too long names its file and line. */
  private static String limited(String text, int maxLength, String field) throws RowException {
    if (text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength) {
      throw new RowException(
          String.format(
              "the %s is %,d characters long; at most %,d fit",
              field, text.codePointCount(0, text.length()), maxLength));
    }
    return text;
  }

  private Map<Integer, Movie> readMovies(Path path) {
    Map<Integer, Movie> movies = new LinkedHashMap<>();
    CsvFile csv = csv(path, MOVIES_HEADER);
    csv.forEachRow(
        (row, line) -> {
          int movieId = positiveInt(row, 0, "movieId");
          String rawTitle = get(row, 1);
          if (rawTitle.isBlank()) {
            throw new RowException("the title is empty");
          }
          if (movies.containsKey(movieId)) {
            throw new RowException("movieId " + movieId + " appears twice");
          }
          MovieTitles.TitleAndYear title = MovieTitles.split(rawTitle);
          limited(title.title(), Movie.TITLE_LENGTH, "title");
          String genres = limited(get(row, 2).strip(), Movie.GENRES_LENGTH, "genres");
          if (genres.equals(Movie.NO_GENRES)) {
            genres = "";
          }
          movies.put(movieId, new Movie(movieId, title.title(), title.year(), genres));
        },
        fraction -> progress.progress("Reading " + csv.name(), fraction));
    return movies;
  }

  private List<GenomeTag> readGenomeTags(Path path) {
    Map<Integer, GenomeTag> tags = new TreeMap<>();
    CsvFile csv = csv(path, GENOME_TAGS_HEADER);
    csv.forEachRow(
        (row, line) -> {
          int tagId = positiveInt(row, 0, "tagId");
          String tag = limited(get(row, 1), GenomeTag.TAG_LENGTH, "tag");
          if (tags.putIfAbsent(tagId, new GenomeTag(tagId, tag)) != null) {
            throw new RowException("tagId " + tagId + " appears twice");
          }
        },
        fraction -> progress.progress("Reading " + csv.name(), fraction));
    return List.copyOf(tags.values());
  }

  private Map<Integer, float[]> readGenomeScores(
      Path path, List<GenomeTag> tags, Set<Integer> catalogue) {
    Map<Integer, Integer> tagIndex = new HashMap<>();
    for (int i = 0; i < tags.size(); i++) {
      tagIndex.put(tags.get(i).getTagId(), i);
    }
    Map<Integer, float[]> vectors = new HashMap<>();
    Map<Integer, BitSet> filled = new HashMap<>();
    CsvFile csv = csv(path, GENOME_SCORES_HEADER);
    csv.forEachNumericRow(
        (row, line) -> {
          int movieId = row.positiveInt(0, "movieId");
          int tagId = row.positiveInt(1, "tagId");
          float relevance = row.number(2, "relevance");
          if (!(relevance >= 0 && relevance <= 1)) {
            throw new RowException("relevance " + row.text(2) + " is outside 0-1");
          }
          Integer index = tagIndex.get(tagId);
          if (index == null) {
            throw new RowException("tagId " + tagId + " is not in genome-tags.csv");
          }
          if (!catalogue.contains(movieId)) {
            return; // genome from another release: movies we do not have are simply not needed
          }
          float[] vector = vectors.computeIfAbsent(movieId, id -> new float[tags.size()]);
          BitSet seen = filled.computeIfAbsent(movieId, id -> new BitSet(tags.size()));
          if (seen.get(index)) {
            throw new RowException("movie " + movieId + " has tag " + tagId + " twice");
          }
          seen.set(index);
          vector[index] = relevance;
        },
        fraction -> progress.progress("Reading " + csv.name(), fraction));
    for (Map.Entry<Integer, BitSet> entry : filled.entrySet()) {
      int have = entry.getValue().cardinality();
      if (have != tags.size()) {
        String reason =
            "movie "
                + entry.getKey()
                + " has relevances for "
                + have
                + " of the "
                + tags.size()
                + " genome tags";
        if (onError == OnError.FAIL) {
          throw new ImportException(csv.name(), 0, reason + "; the genome file looks truncated");
        }
        skipped.add(csv.name() + ": " + reason + " (vector left out)");
        vectors.remove(entry.getKey());
      }
    }
    return vectors;
  }

  /**
   * The mini subset: the {@code maxMovies} most-rated movies, preferring movies that have a genome
   * vector.
   */
  private Set<Integer> selectMini(
      Path ratingsFile, Map<Integer, Movie> catalogue, Set<Integer> withGenome) {
    // A first pass that only counts ratings per movie: problems are reported by the second pass,
    // so this one skips them quietly and checks nothing else (no duplicate pairs: a set of 25
    // million pairs cost this pass more than the parsing)
    int maxId = catalogue.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    int[] counts = new int[maxId + 1];
    CsvFile csv =
        new CsvFile(ratingsFile, RATINGS_HEADER, OnError.SKIP, new SkippedRows())
            .cancelledWhen(cancelled);
    String phase = "Counting the ratings of every movie to keep the " + maxMovies + " most rated";
    csv.forEachNumericRow(
        (row, line) -> {
          int movieId = row.positiveInt(1, "movieId");
          if (movieId <= maxId) {
            counts[movieId]++;
          }
        },
        fraction -> progress.progress(phase, fraction));
    Comparator<Integer> order =
        Comparator.<Integer, Boolean>comparing(withGenome::contains)
            .thenComparingInt(id -> counts[id])
            .reversed()
            .thenComparing(Comparator.naturalOrder());
    return catalogue.keySet().stream()
        .sorted(order)
        .limit(maxMovies)
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }

  private long readRatings(
      Path path, Map<Integer, Movie> catalogue, Set<Integer> kept, DatasetSink sink, BitSet users) {
    long[] count = {0};
    // sized from the file, but at most 4 million to start with: a file of junk must not cost 512 MB
    LongHashSet pairs = new LongHashSet(Math.min(expectedRows(path, 25), 1 << 22));
    // bit sets, not the maps: two boxed lookups per row of 25 million add up
    BitSet known = new BitSet();
    catalogue.keySet().forEach(known::set);
    BitSet keptIds = new BitSet();
    kept.forEach(keptIds::set);
    CsvFile csv = csv(path, RATINGS_HEADER);
    long good =
        csv.forEachNumericRow(
            (row, line) -> {
              int userId = row.positiveInt(0, "userId");
              int movieId = row.positiveInt(1, "movieId");
              if (!known.get(movieId)) {
                throw new RowException("movieId " + movieId + " is not in movies.csv");
              }
              float rating = row.number(2, "rating");
              String invalid = StarRating.invalidReason(rating);
              if (invalid != null) {
                throw new RowException(invalid);
              }
              long timestamp = row.wholeNumber(3, "timestamp");
              if (!pairs.add(((long) userId << 32) | movieId)) {
                throw new RowException("user " + userId + " rated movie " + movieId + " twice");
              }
              if (keptIds.get(movieId)) {
                sink.rating(userId, movieId, rating, timestamp);
                users.set(userId);
                count[0]++;
              }
            },
            fraction -> progress.progress("Reading " + csv.name(), fraction));
    if (good == 0) {
      throw new ImportException(
          csv.name(),
          0,
          "holds no ratings (nothing but its header, or every row was malformed); importing it"
              + " would replace every rating with none: is the file complete?");
    }
    return count[0];
  }

  private long readLinks(
      Path path, Map<Integer, Movie> catalogue, Set<Integer> kept, DatasetSink sink) {
    long[] count = {0};
    Set<Integer> seen = new java.util.HashSet<>();
    CsvFile csv = csv(path, LINKS_HEADER);
    csv.forEachRow(
        (row, line) -> {
          int movieId = knownMovie(row, 0, catalogue);
          Integer imdbId = get(row, 1).isBlank() ? null : positiveInt(row, 1, "imdbId");
          Integer tmdbId = get(row, 2).isBlank() ? null : positiveInt(row, 2, "tmdbId");
          if (!seen.add(movieId)) {
            throw new RowException("movieId " + movieId + " has two links");
          }
          if (kept.contains(movieId)) {
            sink.link(new Link(movieId, imdbId, tmdbId));
            count[0]++;
          }
        },
        fraction -> progress.progress("Reading " + csv.name(), fraction));
    return count[0];
  }

  private long readTags(
      Path path, Map<Integer, Movie> catalogue, Set<Integer> kept, DatasetSink sink) {
    long[] count = {0};
    CsvFile csv = csv(path, TAGS_HEADER);
    csv.forEachRow(
        (row, line) -> {
          int userId = positiveInt(row, 0, "userId");
          int movieId = knownMovie(row, 1, catalogue);
          String tag = limited(get(row, 2).strip(), UserTag.TAG_LENGTH, "tag");
          long timestamp = wholeNumber(row, 3, "timestamp");
          if (tag.isEmpty()) {
            throw new RowException("the tag is empty");
          }
          if (kept.contains(movieId)) {
            sink.tag(userId, movieId, tag, timestamp);
            count[0]++;
          }
        },
        fraction -> progress.progress("Reading " + csv.name(), fraction));
    return count[0];
  }

  private static int knownMovie(String[] row, int column, Map<Integer, Movie> catalogue)
      throws RowException {
    int movieId = positiveInt(row, column, "movieId");
    if (!catalogue.containsKey(movieId)) {
      throw new RowException("movieId " + movieId + " is not in movies.csv");
    }
    return movieId;
  }

  private static int positiveInt(String[] row, int column, String field) throws RowException {
    String text = get(row, column);
    try {
      int value = Integer.parseInt(text.strip());
      if (value <= 0) {
        throw new RowException(field + " " + value + " must be positive");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new RowException(field + " '" + text + "' is not a whole number");
    }
  }

  private static long wholeNumber(String[] row, int column, String field) throws RowException {
    String text = get(row, column);
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new RowException(field + " '" + text + "' is not a whole number");
    }
  }

  private static float number(String[] row, int column, String field) throws RowException {
    String text = get(row, column);
    try {
      float value = Float.parseFloat(text.strip());
      if (!Float.isFinite(value)) {
        throw new RowException(field + " '" + text + "' is not a finite number");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new RowException(field + " '" + text + "' is not a number");
    }
  }

  /** A guess of the row count from the file size, to size hash tables once. */
  private static int expectedRows(Path path, int bytesPerRow) {
    try {
      long size = Files.size(path) * (path.toString().endsWith(".gz") ? 4 : 1);
      return (int) Math.min(size / bytesPerRow + 16, 1 << 28);
    } catch (java.io.IOException e) {
      return 1 << 16;
    }
  }
}

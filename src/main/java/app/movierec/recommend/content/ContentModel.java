package app.movierec.recommend.content;

import app.movierec.common.IdIndex;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TopN;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Content-based similarity over two vector spaces, immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link VectorKind#GENOME}: a movie's tag-genome relevances (Vig, Sen & Riedl 2012), centred
 *       on the mean genome vector and L2-normalised; a {@code genomeMovies x tags} row-major float
 *       matrix.
 *   <li>{@link VectorKind#FALLBACK}: every movie (genome ones too) also has a sparse TF-IDF vector
 *       over its genres and lower-cased user tags (term frequency {@code 1 + ln(count)}, smoothed
 *       idf {@code 1 + ln((1 + N) / (1 + df))}), L2-normalised.
 * </ul>
 *
 * The two spaces are never mixed in one dot product: a pair of movies is compared by genome cosine
 * when both have a genome vector, by fallback cosine otherwise; a user profile likewise scores
 * genome movies against its genome part (when it has one) and every other movie against its
 * fallback part. Both are cosines in {@code [-1, 1]}, so the results can share one ranking. {@link
 * #kindOf(long)} says which vector a movie has. Unknown movies give empty results, never
 * exceptions.
 */
public final class ContentModel {

  private final IdIndex movies;
  private final int genomeDimension;
  private final int[] genomeRowOfMovieRow; // -1 when the movie has no genome vector
  private final int[] movieRowOfGenomeRow;
  private final float[] genome; // genomeMovies x genomeDimension, centred, L2-normalised
  private final float[] rawGenome; // the relevances as given, for strongestGenomeTags
  private final List<String> genomeTagNames;
  private final int termCount;
  private final int[] fallbackOffsets; // movies + 1
  private final int[] fallbackTerms;
  private final float[] fallbackValues;

  private ContentModel(
      IdIndex movies,
      int genomeDimension,
      int[] genomeRowOfMovieRow,
      int[] movieRowOfGenomeRow,
      float[] genome,
      float[] rawGenome,
      List<String> genomeTagNames,
      int termCount,
      int[] fallbackOffsets,
      int[] fallbackTerms,
      float[] fallbackValues) {
    this.movies = movies;
    this.genomeDimension = genomeDimension;
    this.genomeRowOfMovieRow = genomeRowOfMovieRow;
    this.movieRowOfGenomeRow = movieRowOfGenomeRow;
    this.genome = genome;
    this.rawGenome = rawGenome;
    this.genomeTagNames = genomeTagNames;
    this.termCount = termCount;
    this.fallbackOffsets = fallbackOffsets;
    this.fallbackTerms = fallbackTerms;
    this.fallbackValues = fallbackValues;
  }

  /**
   * Builds both spaces for the whole catalogue of {@code data} (plus any rated movie missing from
   * it).
   */
  public static ContentModel build(TrainingData data) {
    int[] catalogueIds = data.movieIds();
    int[] allIds = Arrays.copyOf(catalogueIds, catalogueIds.length + data.ratingMovieIds().length);
    System.arraycopy(
        data.ratingMovieIds(), 0, allIds, catalogueIds.length, data.ratingMovieIds().length);
    IdIndex movies = IdIndex.of(allIds);
    int movieCount = movies.size();

    // genome space
    int dimension = data.genome().values().stream().findFirst().map(v -> v.length).orElse(0);
    int[] genomeRowOfMovieRow = new int[movieCount];
    Arrays.fill(genomeRowOfMovieRow, -1);
    List<Integer> genomeMovieRows = new ArrayList<>();
    for (int movieRow = 0; movieRow < movieCount; movieRow++) {
      float[] vector = data.genome().get(movies.idAt(movieRow));
      if (vector != null) {
        if (vector.length != dimension) {
          throw new IllegalArgumentException(
              "genome vector of movie "
                  + movies.idAt(movieRow)
                  + " has "
                  + vector.length
                  + " values, expected "
                  + dimension);
        }
        genomeRowOfMovieRow[movieRow] = genomeMovieRows.size();
        genomeMovieRows.add(movieRow);
      }
    }
    int genomeCount = genomeMovieRows.size();
    float[] raw = new float[genomeCount * dimension];
    double[] mean = new double[dimension];
    for (int g = 0; g < genomeCount; g++) {
      float[] vector = data.genome().get(movies.idAt(genomeMovieRows.get(g)));
      System.arraycopy(vector, 0, raw, g * dimension, dimension);
      for (int d = 0; d < dimension; d++) {
        mean[d] += vector[d] / (double) genomeCount;
      }
    }
    float[] genome = new float[raw.length];
    for (int g = 0; g < genomeCount; g++) {
      // centring removes the base level every movie shares, so cosines spread over [-1, 1] like the
      // fallback's
      for (int d = 0; d < dimension; d++) {
        genome[g * dimension + d] =
            (float) (raw[g * dimension + d] - (genomeCount > 1 ? mean[d] : 0));
      }
      normalise(genome, g * dimension, dimension);
    }

    // fallback space: terms are "g:<genre>" and "t:<tag>"
    Map<String, Integer> termIds = new TreeMap<>();
    List<Map<String, Integer>> termCounts = new ArrayList<>(movieCount);
    Map<Integer, Integer> catalogueRow = new HashMap<>();
    for (int i = 0; i < catalogueIds.length; i++) {
      catalogueRow.put(catalogueIds[i], i);
    }
    for (int movieRow = 0; movieRow < movieCount; movieRow++) {
      int movieId = movies.idAt(movieRow);
      Map<String, Integer> counts = new TreeMap<>();
      Integer row = catalogueRow.get(movieId);
      if (row != null) {
        for (String genre : data.genres().get(row)) {
          counts.merge("g:" + genre.strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      }
      for (String tag : data.userTags().getOrDefault(movieId, List.of())) {
        String term = tag.strip().toLowerCase(Locale.ROOT);
        if (!term.isEmpty()) {
          counts.merge("t:" + term, 1, Integer::sum);
        }
      }
      counts.keySet().forEach(term -> termIds.putIfAbsent(term, 0));
      termCounts.add(counts);
    }
    int nextTerm = 0;
    for (var entry : termIds.entrySet()) {
      entry.setValue(nextTerm++);
    }
    int[] documentFrequency = new int[termIds.size()];
    int nonZeros = 0;
    for (Map<String, Integer> counts : termCounts) {
      for (String term : counts.keySet()) {
        documentFrequency[termIds.get(term)]++;
      }
      nonZeros += counts.size();
    }
    int[] offsets = new int[movieCount + 1];
    int[] terms = new int[nonZeros];
    float[] values = new float[nonZeros];
    int next = 0;
    for (int movieRow = 0; movieRow < movieCount; movieRow++) {
      int start = next;
      for (var entry : termCounts.get(movieRow).entrySet()) {
        int term = termIds.get(entry.getKey());
        double tf = 1 + Math.log(entry.getValue());
        double idf = 1 + Math.log((1.0 + movieCount) / (1.0 + documentFrequency[term]));
        terms[next] = term;
        values[next] = (float) (tf * idf);
        next++;
      }
      normalise(values, start, next - start);
      offsets[movieRow + 1] = next;
    }
    List<String> tagNames =
        data.genomeTagNames().size() == dimension ? data.genomeTagNames() : List.of();
    return new ContentModel(
        movies,
        dimension,
        genomeRowOfMovieRow,
        genomeMovieRows.stream().mapToInt(Integer::intValue).toArray(),
        genome,
        raw,
        tagNames,
        termIds.size(),
        offsets,
        terms,
        values);
  }

  /** {@code movieId <-> movieRow} of every score array this model returns (the whole catalogue). */
  public IdIndex movies() {
    return movies;
  }

  /** Which vector the movie has; empty for an unknown movie. */
  public Optional<VectorKind> kindOf(int movieId) {
    int movieRow = movies.rowOf(movieId);
    if (movieRow < 0) {
      return Optional.empty();
    }
    return Optional.of(
        genomeRowOfMovieRow[movieRow] >= 0 ? VectorKind.GENOME : VectorKind.FALLBACK);
  }

  public int genomeMovieCount() {
    return movieRowOfGenomeRow.length;
  }

  /**
   * Cosine of two movies (genome when both have one, fallback otherwise); empty when either is
   * unknown.
   */
  public Optional<Double> similarity(int movieId, int otherMovieId) {
    int a = movies.rowOf(movieId);
    int b = movies.rowOf(otherMovieId);
    if (a < 0 || b < 0) {
      return Optional.empty();
    }
    float[] scores = cosinesOfRow(a);
    return Optional.of((double) scores[b]);
  }

  /**
   * The {@code n} most similar movies, best first, the movie itself excluded; empty for an unknown
   * movie.
   */
  public List<ScoredMovie> similarMovies(int movieId, int n) {
    int movieRow = movies.rowOf(movieId);
    if (movieRow < 0) {
      return List.of();
    }
    float[] scores = cosinesOfRow(movieRow);
    boolean[] excluded = new boolean[movies.size()];
    excluded[movieRow] = true;
    return toScoredMovies(TopN.select(scores, excluded, n), scores);
  }

  /**
   * The cosine of this movie with every movie, by movieRow (itself included); empty for an unknown
   * movie.
   */
  public Optional<float[]> similarities(int movieId) {
    int movieRow = movies.rowOf(movieId);
    return movieRow < 0 ? Optional.empty() : Optional.of(cosinesOfRow(movieRow));
  }

  /**
   * Cosines of one movie with every movie, by movieRow (itself included, = 1 unless its vector is
   * empty).
   */
  private float[] cosinesOfRow(int movieRow) {
    float[] query = new float[termCount];
    for (int k = fallbackOffsets[movieRow]; k < fallbackOffsets[movieRow + 1]; k++) {
      query[fallbackTerms[k]] = fallbackValues[k];
    }
    float[] scores = fallbackScores(query);
    int genomeRow = genomeRowOfMovieRow[movieRow];
    if (genomeRow >= 0) {
      overlayGenome(
          scores,
          Arrays.copyOfRange(
              genome, genomeRow * genomeDimension, (genomeRow + 1) * genomeDimension));
    }
    return scores;
  }

  /**
   * A user's taste in both spaces from their ratings. Each rated movie weighs how much more than
   * their reference rating the user liked it ({@link UserHistory#preference}): movies rated above
   * it pull the profile towards themselves, movies rated below push it away. The reference is the
   * user's mean shrunk towards 3.5 stars, so a single rating is enough (cold start). Unknown movies
   * are ignored.
   */
  public Profile profile(UserHistory history) {
    return profile(history.movieIds(), weights(history));
  }

  private static float[] weights(UserHistory history) {
    double reference = history.referenceRating();
    float[] weights = new float[history.size()];
    for (int k = 0; k < weights.length; k++) {
      weights[k] = (float) (history.rating(k) - reference);
    }
    return weights;
  }

  /**
   * A taste from movies and how much each pulls towards itself (negative: pushes away); every given
   * movie counts as rated. Unknown movies are ignored.
   */
  public Profile profile(int[] movieIds, float[] weights) {
    float[] fallback = new float[termCount];
    float[] genomePart = genomeDimension > 0 ? new float[genomeDimension] : null;
    boolean hasGenome = false;
    int[] rated = new int[movieIds.length];
    int ratedCount = 0;
    for (int k = 0; k < movieIds.length; k++) {
      int movieRow = movies.rowOf(movieIds[k]);
      if (movieRow < 0) {
        continue;
      }
      rated[ratedCount++] = movieRow;
      float weight = weights[k];
      for (int t = fallbackOffsets[movieRow]; t < fallbackOffsets[movieRow + 1]; t++) {
        fallback[fallbackTerms[t]] += weight * fallbackValues[t];
      }
      int genomeRow = genomeRowOfMovieRow[movieRow];
      if (genomeRow >= 0) {
        hasGenome = true;
        for (int d = 0; d < genomeDimension; d++) {
          genomePart[d] += weight * genome[genomeRow * genomeDimension + d];
        }
      }
    }
    normalise(fallback, 0, fallback.length);
    if (hasGenome) {
      normalise(genomePart, 0, genomePart.length);
    }
    return new Profile(fallback, hasGenome ? genomePart : null, Arrays.copyOf(rated, ratedCount));
  }

  /**
   * A user's content taste: an L2-normalised fallback-space vector, a genome-space vector (null
   * when none of the rated movies has one), and the rated movie rows.
   */
  public record Profile(float[] fallback, float[] genome, int[] ratedMovieRows) {}

  /** The profile's cosine with every movie, by movieRow (rated movies included). */
  public float[] scores(Profile profile) {
    float[] scores = fallbackScores(profile.fallback());
    if (profile.genome() != null) {
      overlayGenome(scores, profile.genome());
    }
    return scores;
  }

  /** The profile's top {@code n} unrated movies, best first. */
  public List<ScoredMovie> recommend(Profile profile, int n) {
    float[] scores = scores(profile);
    boolean[] excluded = new boolean[movies.size()];
    for (int movieRow : profile.ratedMovieRows()) {
      excluded[movieRow] = true;
    }
    return toScoredMovies(TopN.select(scores, excluded, n), scores);
  }

  /**
   * The rated movies most similar to {@code movieId}, weighted like the profile (the content side
   * of an explanation), largest first; empty for unknown ids.
   */
  public List<ScoredMovie> explain(UserHistory history, int movieId, int n) {
    int movieRow = movies.rowOf(movieId);
    if (movieRow < 0) {
      return List.of();
    }
    float[] similarities = cosinesOfRow(movieRow);
    float[] weights = weights(history);
    List<ScoredMovie> contributions = new ArrayList<>();
    for (int k = 0; k < history.size(); k++) {
      int ratedRow = movies.rowOf(history.movieId(k));
      if (ratedRow < 0 || ratedRow == movieRow) {
        continue;
      }
      contributions.add(
          ScoredMovie.byContent(history.movieId(k), weights[k] * similarities[ratedRow]));
    }
    contributions.sort((a, b) -> Double.compare(b.score(), a.score()));
    return List.copyOf(contributions.subList(0, Math.min(n, contributions.size())));
  }

  /**
   * Names of the movie's {@code n} most relevant genome tags, strongest first; empty when the movie
   * has no genome vector or the tag names are unknown.
   */
  public List<String> strongestGenomeTags(int movieId, int n) {
    int movieRow = movies.rowOf(movieId);
    if (movieRow < 0 || genomeRowOfMovieRow[movieRow] < 0 || genomeTagNames.isEmpty()) {
      return List.of();
    }
    int genomeRow = genomeRowOfMovieRow[movieRow];
    float[] relevance =
        Arrays.copyOfRange(
            rawGenome, genomeRow * genomeDimension, (genomeRow + 1) * genomeDimension);
    List<String> names = new ArrayList<>();
    for (int tag : TopN.select(relevance, null, n)) {
      names.add(genomeTagNames.get(tag));
    }
    return List.copyOf(names);
  }

  private float[] fallbackScores(float[] denseQuery) {
    float[] scores = new float[movies.size()];
    for (int movieRow = 0; movieRow < scores.length; movieRow++) {
      float sum = 0;
      for (int k = fallbackOffsets[movieRow]; k < fallbackOffsets[movieRow + 1]; k++) {
        sum += denseQuery[fallbackTerms[k]] * fallbackValues[k];
      }
      scores[movieRow] = sum;
    }
    return scores;
  }

  /**
   * Replaces the scores of genome movies by their genome cosine with {@code query} (normalised).
   *
   * <p>Plain Java rather than an ND4J gemv on purpose: the model would have to keep the {@code
   * genomeMovies x tags} matrix off-heap for its whole life (62 MB for the full genome), and with
   * JavaCPP's pointer GC disabled ({@code -Dorg.bytedeco.javacpp.nopointergc=true}) such an array
   * is only freed by an explicit close, which an immutable model swapped under concurrent readers
   * cannot do safely. A query is one pass over the matrix.
   */
  private void overlayGenome(float[] scores, float[] query) {
    int genomeMovies = movieRowOfGenomeRow.length;
    for (int g = 0; g < genomeMovies; g++) {
      int off = g * genomeDimension;
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      int d = 0;
      for (; d + 3 < genomeDimension; d += 4) {
        s0 += genome[off + d] * query[d];
        s1 += genome[off + d + 1] * query[d + 1];
        s2 += genome[off + d + 2] * query[d + 2];
        s3 += genome[off + d + 3] * query[d + 3];
      }
      for (; d < genomeDimension; d++) {
        s0 += genome[off + d] * query[d];
      }
      scores[movieRowOfGenomeRow[g]] = (s0 + s1) + (s2 + s3);
    }
  }

  int genomeDimension() {
    return genomeDimension;
  }

  /** Whether the movie has any content (a genome vector, or at least one genre or tag). */
  public boolean hasContent(int movieId) {
    int movieRow = movies.rowOf(movieId);
    return movieRow >= 0
        && (genomeRowOfMovieRow[movieRow] >= 0
            || fallbackOffsets[movieRow + 1] > fallbackOffsets[movieRow]);
  }

  /**
   * The feature column of each fallback term among the {@code count} terms most movies have
   * (columns after the genome's), -1 for the others.
   */
  int[] commonTerms(int count) {
    int[] documentFrequency = new int[termCount];
    for (int term : fallbackTerms) {
      documentFrequency[term]++;
    }
    Integer[] order = new Integer[termCount];
    for (int t = 0; t < termCount; t++) {
      order[t] = t;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(documentFrequency[b], documentFrequency[a]));
    int[] slot = new int[termCount];
    Arrays.fill(slot, -1);
    for (int i = 0; i < Math.min(count, termCount); i++) {
      slot[order[i]] = genomeDimension + i;
    }
    return slot;
  }

  /**
   * A movie's dense features into {@code out} from {@code offset}: its genome vector (zeros without
   * one), its weights on the terms {@code termSlot} picks, and a bias of 1 at the end.
   */
  void features(int movieRow, int[] termSlot, float[] out, int offset) {
    int width = genomeDimension + ContentRegression.FALLBACK_TERMS + 1;
    Arrays.fill(out, offset, offset + width, 0f);
    int genomeRow = genomeRowOfMovieRow[movieRow];
    if (genomeRow >= 0) {
      System.arraycopy(genome, genomeRow * genomeDimension, out, offset, genomeDimension);
    }
    for (int k = fallbackOffsets[movieRow]; k < fallbackOffsets[movieRow + 1]; k++) {
      int column = termSlot[fallbackTerms[k]];
      if (column >= 0) {
        out[offset + column] = fallbackValues[k];
      }
    }
    out[offset + width - 1] = 1f;
  }

  private List<ScoredMovie> toScoredMovies(int[] movieRows, float[] scores) {
    List<ScoredMovie> result = new ArrayList<>(movieRows.length);
    for (int movieRow : movieRows) {
      result.add(ScoredMovie.byContent(movies.idAt(movieRow), scores[movieRow]));
    }
    return List.copyOf(result);
  }

  private static void normalise(float[] values, int offset, int length) {
    double sum = 0;
    for (int i = offset; i < offset + length; i++) {
      sum += (double) values[i] * values[i];
    }
    if (sum > 0) {
      float inverse = (float) (1 / Math.sqrt(sum));
      for (int i = offset; i < offset + length; i++) {
        values[i] *= inverse;
      }
    }
  }
}

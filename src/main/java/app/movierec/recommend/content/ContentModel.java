package app.movierec.recommend.content;

import app.movierec.common.GenomeMatrix;
import app.movierec.common.IdIndex;
import app.movierec.common.MovieTags;
import app.movierec.common.RowScores;
import app.movierec.common.ScoredMovie;
import app.movierec.common.SharedScan;
import app.movierec.common.TopN;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;

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
  private final FallbackOnly fallbackOnly; // the movies without a genome vector, by term count
  private final float[] genome; // genomeMovies x genomeDimension, centred, L2-normalised
  private final float[] rawGenome; // the relevances as given, for strongestGenomeTags
  private final List<String> genomeTagNames;
  private final int termCount;
  private final int[] fallbackOffsets; // movies + 1
  private final int[] fallbackTerms;
  private final float[] fallbackValues;
  private final SharedScan genomeScan; // concurrent requests share one pass over the genome

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
    this.fallbackOnly =
        FallbackOnly.of(genomeRowOfMovieRow, fallbackOffsets, fallbackTerms, fallbackValues);
    this.genome = genome;
    this.rawGenome = rawGenome;
    this.genomeTagNames = genomeTagNames;
    this.termCount = termCount;
    this.fallbackOffsets = fallbackOffsets;
    this.fallbackTerms = fallbackTerms;
    this.fallbackValues = fallbackValues;
    this.genomeScan =
        new SharedScan(genome, movieRowOfGenomeRow.length, genomeDimension, movieRowOfGenomeRow);
  }

  /**
   * Builds both spaces for the whole catalogue of {@code data} (plus any rated movie missing from
   * it).
   *
   * <p>Written for ML-25M's size (62k movies, 1.09M tags, 13.8k genome vectors): terms are numbered
   * once per distinct genre or tag text rather than per occurrence, and a movie's terms are counted
   * by sorting a small int array, so no map is built per movie.
   */
  public static ContentModel build(TrainingData data) {
    int[] catalogueIds = data.movieIds();
    IdIndex movies = IdIndex.union(catalogueIds, data.ratingMovieIds());
    int movieCount = movies.size();

    // genome space
    GenomeMatrix genomeData = data.genome();
    int dimension = genomeData.dimension();
    int[] genomeRowOfMovieRow = new int[movieCount];
    Arrays.fill(genomeRowOfMovieRow, -1);
    int[] sourceRows = new int[genomeData.size()]; // genome-data row of each kept genome row
    int[] genomeMovieRows = new int[genomeData.size()];
    int genomeCount = 0;
    for (int movieRow = 0; movieRow < movieCount; movieRow++) {
      int source = genomeData.rowOf(movies.idAt(movieRow));
      if (source >= 0) {
        genomeRowOfMovieRow[movieRow] = genomeCount;
        genomeMovieRows[genomeCount] = movieRow;
        sourceRows[genomeCount] = source;
        genomeCount++;
      }
    }
    // every genome movie is normally in the index (genome rows of unknown movies are not loaded):
    // then the data's own matrix serves as the raw relevances, with no 62 MB copy
    float[] raw;
    if (genomeCount == genomeData.size()) {
      raw = genomeData.relevance();
    } else {
      raw = new float[genomeCount * dimension];
      for (int g = 0; g < genomeCount; g++) {
        System.arraycopy(
            genomeData.relevance(), sourceRows[g] * dimension, raw, g * dimension, dimension);
      }
    }
    double[] mean = new double[dimension];
    for (int g = 0; g < genomeCount; g++) {
      for (int d = 0; d < dimension; d++) {
        mean[d] += raw[g * dimension + d] / (double) genomeCount;
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

    // fallback space: terms are "g:<genre>" and "t:<tag>", numbered in alphabetical order
    Map<String, String> genreTerms = new HashMap<>();
    for (List<String> movieGenres : data.genres()) {
      for (String genre : movieGenres) {
        genreTerms.computeIfAbsent(genre, g -> "g:" + g.strip().toLowerCase(Locale.ROOT));
      }
    }
    MovieTags tags = data.userTags();
    String[] vocabulary = tags.vocabulary();
    String[] tagTerms = new String[vocabulary.length];
    for (int v = 0; v < vocabulary.length; v++) {
      String term = vocabulary[v].strip().toLowerCase(Locale.ROOT);
      tagTerms[v] = term.isEmpty() ? null : "t:" + term;
    }
    TreeSet<String> distinctTerms = new TreeSet<>(genreTerms.values());
    for (String term : tagTerms) {
      if (term != null) {
        distinctTerms.add(term);
      }
    }
    Map<String, Integer> termIds = new HashMap<>();
    for (String term : distinctTerms) {
      termIds.put(term, termIds.size());
    }
    Map<List<String>, int[]> genreTermIds = new HashMap<>();
    int[] tagTermIds = new int[vocabulary.length];
    for (int v = 0; v < vocabulary.length; v++) {
      tagTermIds[v] = tagTerms[v] == null ? -1 : termIds.get(tagTerms[v]);
    }
    int[] tagMovieIds = tags.movieIds();
    int[] tagOffsets = tags.offsets();
    int[] tagIdsOfMovies = tags.tagIds();

    // pass 1: each movie's terms, sorted (= alphabetical, as before), with their counts
    int[] termStarts = new int[movieCount + 1];
    int[] movieTerms = new int[16];
    int[] movieCounts = new int[16];
    int[] scratch = new int[16];
    int distinctTotal = 0;
    int[] documentFrequency = new int[termIds.size()];
    for (int movieRow = 0; movieRow < movieCount; movieRow++) {
      int movieId = movies.idAt(movieRow);
      int occurrences = 0;
      int catalogueRow = Arrays.binarySearch(catalogueIds, movieId);
      int[] genreIds = null;
      if (catalogueRow >= 0) {
        genreIds =
            genreTermIds.computeIfAbsent(
                data.genres().get(catalogueRow), list -> termIdsOf(list, genreTerms, termIds));
        occurrences += genreIds.length;
      }
      int tagRow = Arrays.binarySearch(tagMovieIds, movieId);
      if (tagRow >= 0) {
        occurrences += tagOffsets[tagRow + 1] - tagOffsets[tagRow];
      }
      if (scratch.length < occurrences) {
        scratch = new int[Math.max(occurrences, scratch.length * 2)];
      }
      int n = 0;
      if (genreIds != null) {
        for (int term : genreIds) {
          scratch[n++] = term;
        }
      }
      if (tagRow >= 0) {
        for (int k = tagOffsets[tagRow]; k < tagOffsets[tagRow + 1]; k++) {
          int term = tagTermIds[tagIdsOfMovies[k]];
          if (term >= 0) {
            scratch[n++] = term;
          }
        }
      }
      Arrays.sort(scratch, 0, n);
      if (movieTerms.length < distinctTotal + n) {
        movieTerms = Arrays.copyOf(movieTerms, Math.max(distinctTotal + n, movieTerms.length * 2));
        movieCounts = Arrays.copyOf(movieCounts, movieTerms.length);
      }
      for (int i = 0; i < n; i++) {
        if (i > 0 && scratch[i] == scratch[i - 1]) {
          movieCounts[distinctTotal - 1]++;
        } else {
          movieTerms[distinctTotal] = scratch[i];
          movieCounts[distinctTotal] = 1;
          documentFrequency[scratch[i]]++;
          distinctTotal++;
        }
      }
      termStarts[movieRow + 1] = distinctTotal;
    }

    // pass 2: TF-IDF weights, L2-normalised per movie
    int[] terms = Arrays.copyOf(movieTerms, distinctTotal);
    float[] values = new float[distinctTotal];
    for (int movieRow = 0; movieRow < movieCount; movieRow++) {
      int start = termStarts[movieRow];
      int end = termStarts[movieRow + 1];
      for (int k = start; k < end; k++) {
        int term = terms[k];
        double tf = 1 + Math.log(movieCounts[k]);
        double idf = 1 + Math.log((1.0 + movieCount) / (1.0 + documentFrequency[term]));
        values[k] = (float) (tf * idf);
      }
      normalise(values, start, end - start);
    }
    List<String> tagNames =
        data.genomeTagNames().size() == dimension ? data.genomeTagNames() : List.of();
    return new ContentModel(
        movies,
        dimension,
        genomeRowOfMovieRow,
        Arrays.copyOf(genomeMovieRows, genomeCount),
        genome,
        raw,
        tagNames,
        termIds.size(),
        termStarts,
        terms,
        values);
  }

  /** The term ids of a movie's genres (duplicates kept: a genre listed twice counts twice). */
  private static int[] termIdsOf(
      List<String> genres, Map<String, String> genreTerms, Map<String, Integer> termIds) {
    int[] ids = new int[genres.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = termIds.get(genreTerms.get(genres.get(i)));
    }
    return ids;
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
    int genomeRow = genomeRowOfMovieRow[movieRow];
    float[] scores = fallbackScores(query, genomeRow >= 0);
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
    float[] scores = fallbackScores(profile.fallback(), profile.genome() != null);
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

  /**
   * Fallback cosines with every movie; with {@code genomeOverlaid} the genome movies are left at 0
   * because {@link #overlayGenome} replaces their scores anyway (they are the popular movies that
   * carry most of the tags, so this skips most of the sparse work).
   */
  private float[] fallbackScores(float[] denseQuery, boolean genomeOverlaid) {
    float[] scores = new float[movies.size()];
    if (genomeOverlaid) {
      fallbackOnly.score(denseQuery, scores);
    } else {
      for (int movieRow = 0; movieRow < scores.length; movieRow++) {
        scores[movieRow] = fallbackDot(denseQuery, movieRow);
      }
    }
    return scores;
  }

  /**
   * The movies without a genome vector, ordered by how many fallback terms they have, with their
   * terms and weights copied in that order ({@code starts[i]} is where the {@code i}-th movie's
   * begin): then consecutive sums are equally long, so the loop over a movie's terms ends where the
   * branch predictor expects (in catalogue order the ragged lengths cost a mispredicted branch per
   * movie; 48,607 movies of 1-12 terms: 160-190 instead of 560-620 µs).
   */
  private record FallbackOnly(int[] movieRows, int[] starts, int[] terms, float[] values) {

    static FallbackOnly of(
        int[] genomeRowOfMovieRow, int[] offsets, int[] allTerms, float[] allValues) {
      int[] movieRows =
          IntStream.range(0, genomeRowOfMovieRow.length)
              .filter(movieRow -> genomeRowOfMovieRow[movieRow] < 0)
              .boxed()
              .sorted(
                  Comparator.comparingInt(movieRow -> offsets[movieRow + 1] - offsets[movieRow]))
              .mapToInt(Integer::intValue)
              .toArray();
      int[] starts = new int[movieRows.length + 1];
      for (int i = 0; i < movieRows.length; i++) {
        starts[i + 1] = starts[i] + offsets[movieRows[i] + 1] - offsets[movieRows[i]];
      }
      int[] terms = new int[starts[movieRows.length]];
      float[] values = new float[terms.length];
      for (int i = 0; i < movieRows.length; i++) {
        int count = starts[i + 1] - starts[i];
        System.arraycopy(allTerms, offsets[movieRows[i]], terms, starts[i], count);
        System.arraycopy(allValues, offsets[movieRows[i]], values, starts[i], count);
      }
      return new FallbackOnly(movieRows, starts, terms, values);
    }

    /**
     * {@code scores[movieRow]} = the movie's fallback vector . {@code denseQuery}, for these
     * movies: the same products added in the same order as {@link #fallbackDot}.
     */
    void score(float[] denseQuery, float[] scores) {
      for (int i = 0; i < movieRows.length; i++) {
        float sum = 0;
        for (int k = starts[i]; k < starts[i + 1]; k++) {
          sum += denseQuery[terms[k]] * values[k];
        }
        scores[movieRows[i]] = sum;
      }
    }
  }

  private float fallbackDot(float[] denseQuery, int movieRow) {
    float sum = 0;
    for (int k = fallbackOffsets[movieRow]; k < fallbackOffsets[movieRow + 1]; k++) {
      sum += denseQuery[fallbackTerms[k]] * fallbackValues[k];
    }
    return sum;
  }

  /**
   * Replaces the scores of genome movies by their genome cosine with {@code query} (normalised).
   *
   * <p>Plain Java rather than an ND4J gemv on purpose: the model would have to keep the {@code
   * genomeMovies x tags} matrix off-heap for its whole life (62 MB for the full genome), and with
   * JavaCPP's pointer GC disabled ({@code -Dorg.bytedeco.javacpp.nopointergc=true}) such an array
   * is only freed by an explicit close, which an immutable model swapped under concurrent readers
   * cannot do safely. A query is one pass over the matrix ({@link RowScores}), shared with the
   * queries of concurrent requests ({@link SharedScan}).
   */
  private void overlayGenome(float[] scores, float[] query) {
    genomeScan.score(query, scores);
  }

  int genomeDimension() {
    return genomeDimension;
  }

  /** Whether the movie at this row has a genome vector. */
  boolean hasGenome(int movieRow) {
    return genomeRowOfMovieRow[movieRow] >= 0;
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

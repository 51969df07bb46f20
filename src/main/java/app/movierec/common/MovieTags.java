package app.movierec.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The free-text tags users gave movies, compact: each distinct text is stored once ({@link
 * #vocabulary()}) and a movie's tags are a run of vocabulary ids (CSR over the tagged movies,
 * ascending movieId, each movie's tags in the order given). ML-25M's 1.09 million tags take about 5
 * MB this way instead of a hundred as a map of string lists. Immutable; the arrays behind the
 * accessors are shared, never to be modified.
 */
public final class MovieTags {

  /** No tags at all. */
  public static final MovieTags NONE =
      new MovieTags(new int[0], new int[1], new int[0], new String[0]);

  private final int[] movieIds;
  private final int[] offsets;
  private final int[] tagIds;
  private final String[] vocabulary;

  /**
   * @param movieIds the tagged movies, ascending and distinct
   * @param offsets {@code movieIds.length + 1} ascending offsets into {@code tagIds}
   * @param tagIds vocabulary ids, movie by movie
   * @param vocabulary the distinct tag texts
   */
  public MovieTags(int[] movieIds, int[] offsets, int[] tagIds, String[] vocabulary) {
    if (offsets.length != movieIds.length + 1
        || offsets[0] != 0
        || offsets[movieIds.length] != tagIds.length) {
      throw new IllegalArgumentException("offsets must frame the tag ids movie by movie");
    }
    for (int i = 1; i < movieIds.length; i++) {
      if (movieIds[i] <= movieIds[i - 1]) {
        throw new IllegalArgumentException("movieIds must be ascending and distinct");
      }
    }
    for (int tagId : tagIds) {
      if (tagId < 0 || tagId >= vocabulary.length) {
        throw new IllegalArgumentException("tag id " + tagId + " is outside the vocabulary");
      }
    }
    this.movieIds = movieIds;
    this.offsets = offsets;
    this.tagIds = tagIds;
    this.vocabulary = vocabulary;
  }

  /** The movie's tags in the order given; empty for a movie without tags. */
  public List<String> of(int movieId) {
    int row = rowOf(movieId);
    if (row < 0) {
      return List.of();
    }
    List<String> tags = new ArrayList<>(offsets[row + 1] - offsets[row]);
    for (int k = offsets[row]; k < offsets[row + 1]; k++) {
      tags.add(vocabulary[tagIds[k]]);
    }
    return List.copyOf(tags);
  }

  /** The movie's row among the tagged movies, or -1 when it has no tags. */
  public int rowOf(int movieId) {
    int row = Arrays.binarySearch(movieIds, movieId);
    return row >= 0 ? row : -1;
  }

  /** How many tags there are in all. */
  public int size() {
    return tagIds.length;
  }

  /** The tagged movies, ascending (shared array). */
  public int[] movieIds() {
    return movieIds;
  }

  /** Offsets of each tagged movie's run in {@link #tagIds()} (shared array). */
  public int[] offsets() {
    return offsets;
  }

  /** Vocabulary ids, movie by movie (shared array). */
  public int[] tagIds() {
    return tagIds;
  }

  /** The distinct tag texts (shared array). */
  public String[] vocabulary() {
    return vocabulary;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects (movie, tag) pairs in any order; each distinct text is kept once. */
  public static final class Builder {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> vocabulary = new ArrayList<>();
    private int[] movies = new int[1024];
    private int[] tags = new int[1024];
    private int size;

    public Builder add(int movieId, String tag) {
      Integer id = ids.get(tag);
      if (id == null) {
        id = vocabulary.size();
        ids.put(tag, id);
        vocabulary.add(tag);
      }
      if (size == movies.length) {
        movies = Arrays.copyOf(movies, size * 2);
        tags = Arrays.copyOf(tags, size * 2);
      }
      movies[size] = movieId;
      tags[size] = id;
      size++;
      return this;
    }

    public MovieTags build() {
      // a stable sort by movie: (movieId, arrival) packed in a long
      long[] order = new long[size];
      for (int k = 0; k < size; k++) {
        order[k] = ((long) movies[k] << 32) | k;
      }
      Arrays.sort(order);
      int[] tagIds = new int[size];
      int[] movieIds = new int[size];
      int[] offsets = new int[size + 1];
      int rows = 0;
      for (int k = 0; k < size; k++) {
        int movieId = (int) (order[k] >>> 32);
        tagIds[k] = tags[(int) order[k]];
        if (rows == 0 || movieIds[rows - 1] != movieId) {
          movieIds[rows] = movieId;
          offsets[rows] = k;
          rows++;
        }
      }
      offsets[rows] = size;
      return new MovieTags(
          Arrays.copyOf(movieIds, rows),
          Arrays.copyOf(offsets, rows + 1),
          tagIds,
          vocabulary.toArray(String[]::new));
    }
  }
}

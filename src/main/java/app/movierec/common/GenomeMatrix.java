package app.movierec.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * Tag-genome relevance vectors as one row-major {@code movies x dimension} float matrix, rows in
 * ascending movieId: 13,816 x 1,128 floats for ML-25M (62 MB) in one array rather than fourteen
 * thousand. Immutable; the arrays behind the accessors are shared, never to be modified.
 */
public final class GenomeMatrix {

  /** No genome. */
  public static final GenomeMatrix NONE = new GenomeMatrix(new int[0], 0, new float[0]);

  private final int[] movieIds;
  private final int dimension;
  private final float[] relevance;

  /**
   * @param movieIds the movies with a vector, ascending and distinct
   * @param dimension the length of every vector (the number of genome tags)
   * @param relevance {@code movieIds.length x dimension}, row-major
   */
  public GenomeMatrix(int[] movieIds, int dimension, float[] relevance) {
    if (dimension < 0 || (long) movieIds.length * dimension != relevance.length) {
      throw new IllegalArgumentException("the matrix must hold one vector per movie");
    }
    for (int i = 1; i < movieIds.length; i++) {
      if (movieIds[i] <= movieIds[i - 1]) {
        throw new IllegalArgumentException("movieIds must be ascending and distinct");
      }
    }
    this.movieIds = movieIds;
    this.dimension = dimension;
    this.relevance = relevance;
  }

  /** How many movies have a vector. */
  public int size() {
    return movieIds.length;
  }

  public boolean isEmpty() {
    return movieIds.length == 0;
  }

  /** The length of every vector (0 without a genome). */
  public int dimension() {
    return dimension;
  }

  /** The movie's row, or -1 when it has no vector. */
  public int rowOf(int movieId) {
    int row = Arrays.binarySearch(movieIds, movieId);
    return row >= 0 ? row : -1;
  }

  /** A copy of the movie's vector; empty when it has none. */
  public Optional<float[]> vectorOf(int movieId) {
    int row = rowOf(movieId);
    return row < 0
        ? Optional.empty()
        : Optional.of(Arrays.copyOfRange(relevance, row * dimension, (row + 1) * dimension));
  }

  /** The movies with a vector, ascending (shared array). */
  public int[] movieIds() {
    return movieIds;
  }

  /** The matrix, row-major (shared array). */
  public float[] relevance() {
    return relevance;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects vectors in any order; all must have the same length. */
  public static final class Builder {
    private int[] ids = new int[256];
    private float[][] vectors = new float[256][];
    private int size;

    public Builder add(int movieId, float[] vector) {
      if (size > 0 && vector.length != vectors[0].length) {
        throw new IllegalArgumentException(
            "genome vector of movie "
                + movieId
                + " has "
                + vector.length
                + " values, expected "
                + vectors[0].length);
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        vectors = Arrays.copyOf(vectors, size * 2);
      }
      ids[size] = movieId;
      vectors[size] = vector;
      size++;
      return this;
    }

    public GenomeMatrix build() {
      if (size == 0) {
        return NONE;
      }
      long[] order = new long[size];
      for (int k = 0; k < size; k++) {
        order[k] = ((long) ids[k] << 32) | k;
      }
      Arrays.sort(order);
      int dimension = vectors[0].length;
      int[] movieIds = new int[size];
      float[] relevance = new float[Math.multiplyExact(size, dimension)];
      for (int row = 0; row < size; row++) {
        movieIds[row] = (int) (order[row] >>> 32);
        if (row > 0 && movieIds[row] == movieIds[row - 1]) {
          throw new IllegalArgumentException("movie " + movieIds[row] + " has two genome vectors");
        }
        System.arraycopy(vectors[(int) order[row]], 0, relevance, row * dimension, dimension);
        vectors[(int) order[row]] = null;
      }
      return new GenomeMatrix(movieIds, dimension, relevance);
    }
  }
}

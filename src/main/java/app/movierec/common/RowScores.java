package app.movierec.common;

/**
 * Serving's hot loop: the dot product of one query vector with every row of a dense row-major
 * matrix (a user's factors with every movie's ALS factors; a taste profile with every genome
 * vector). At ML-25M's size that is 62,423 x 128 plus 13,816 x 1,128 multiply-adds per
 * recommendation, which was most of a request's CPU time. Two implementations: {@link
 * SimdRowScores} through the JDK's Vector API when the JVM was started with {@code --add-modules
 * jdk.incubator.vector} (as the README's commands and {@code ./mvnw} do), and {@link
 * ScalarRowScores} in plain Java otherwise. They agree up to float rounding (the SIMD sums are
 * taken in another order), which is all ranking needs; training's kernels, which must be
 * bit-identical across threads, are separate ({@code recommend.als.RowKernels}).
 *
 * <p>Hand-written rather than a BLAS call: a native {@code sgemv} per request costs a JNI
 * transition and ND4J array wrapping for a few milliseconds of work, and this loop is the whole of
 * it.
 */
public abstract class RowScores {

  private static final RowScores FASTEST =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
              && !Boolean.getBoolean("movierec.scalar")
          ? SimdRowScores.create()
          : new ScalarRowScores();

  RowScores() {}

  /** The fastest implementation this JVM offers. */
  public static RowScores fastest() {
    return FASTEST;
  }

  /** The plain-Java implementation (tests compare the two). */
  public static RowScores scalar() {
    return new ScalarRowScores();
  }

  /** Whether these are the Vector API kernels. */
  public abstract boolean simd();

  /**
   * The dot product of {@code dim} floats of {@code matrix} from {@code offset} with {@code query}.
   */
  public abstract float dot(float[] matrix, int offset, float[] query, int dim);

  /**
   * {@code out[target(r)] = row r . query} for each of the matrix's {@code rows} rows of {@code
   * dim} floats, where {@code target(r)} is {@code targets[r]}, or {@code r} when {@code targets}
   * is null.
   */
  public void scoreRows(
      float[] matrix, int rows, int dim, float[] query, int[] targets, float[] out) {
    if (query.length < dim || matrix.length < (long) rows * dim) {
      throw new IllegalArgumentException(
          "a " + rows + " x " + dim + " matrix needs a query of " + dim + " floats");
    }
    for (int r = 0; r < rows; r++) {
      out[targets == null ? r : targets[r]] = dot(matrix, r * dim, query, dim);
    }
  }

  /**
   * {@link #scoreRows} for the first {@code count} of several queries in one pass over the matrix:
   * {@code outs[q][target(r)] = row r . queries[q]}. Each row is read from memory once for all of
   * them, which is what makes {@link SharedScan} pay: one query alone is bound by memory bandwidth
   * (the rows are streamed and used once), a batch by arithmetic.
   */
  public void scoreRows(
      float[] matrix,
      int rows,
      int dim,
      float[][] queries,
      int count,
      int[] targets,
      float[][] outs) {
    checkQueries(queries, count, rows, dim);
    checkShape(matrix, rows, dim);
    scoreRowRange(matrix, 0, rows, dim, queries, count, targets, outs);
  }

  /** The rows {@code fromRow} to {@code toRow - 1} of {@link #scoreRows}' batch form. */
  private void scoreRowRange(
      float[] matrix,
      int fromRow,
      int toRow,
      int dim,
      float[][] queries,
      int count,
      int[] targets,
      float[][] outs) {
    for (int r = fromRow; r < toRow; r++) {
      int target = targets == null ? r : targets[r];
      int offset = r * dim;
      int q = 0;
      for (; q + 3 < count; q += 4) {
        dot4(matrix, offset, queries, q, dim, outs, target);
      }
      for (; q < count; q++) {
        outs[q][target] = dot(matrix, offset, queries[q], dim);
      }
    }
  }

  /**
   * Scores against this one matrix from now on, in whatever layout this implementation reads best:
   * the SIMD one copies it into panels ({@link SimdPanels}, as much memory again), the plain one
   * scores the row-major matrix as given. The matrix must not change afterwards.
   */
  public Prepared prepare(float[] matrix, int rows, int dim) {
    checkShape(matrix, rows, dim);
    return new Prepared() {
      @Override
      public int blocks() {
        return (rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
      }

      @Override
      public void scoreRows(
          float[][] queries, int count, int[] targets, float[][] outs, int fromBlock, int toBlock) {
        checkQueries(queries, count, rows, dim);
        scoreRowRange(
            matrix,
            fromBlock * ROWS_PER_BLOCK,
            Math.min(rows, toBlock * ROWS_PER_BLOCK),
            dim,
            queries,
            count,
            targets,
            outs);
      }
    };
  }

  /** Rows per block of the row-major matrix as prepared here. */
  private static final int ROWS_PER_BLOCK = 64;

  static void checkQueries(float[][] queries, int count, int rows, int dim) {
    for (int q = 0; q < count; q++) {
      if (queries[q].length < dim) {
        throw new IllegalArgumentException(
            "a " + rows + " x " + dim + " matrix needs a query of " + dim + " floats");
      }
    }
  }

  static void checkShape(float[] matrix, int rows, int dim) {
    if (rows < 0 || dim < 0 || matrix.length < (long) rows * dim) {
      throw new IllegalArgumentException(
          "a " + rows + " x " + dim + " matrix needs " + (long) rows * dim + " floats");
    }
  }

  /**
   * A matrix {@linkplain #prepare prepared} for scoring. Its rows fall into {@link #blocks()}
   * consecutive blocks, which can be scored apart (by two threads, say) with the same results.
   */
  public interface Prepared {

    /**
     * As {@link RowScores#scoreRows(float[], int, int, float[][], int, int[], float[][])} for the
     * prepared matrix: {@code outs[q][target(r)] = row r . queries[q]} for {@code q < count}.
     *
     * @throws IllegalArgumentException when a query is shorter than a row
     */
    default void scoreRows(float[][] queries, int count, int[] targets, float[][] outs) {
      scoreRows(queries, count, targets, outs, 0, blocks());
    }

    /** How many blocks the rows fall into (0 for no rows). */
    int blocks();

    /**
     * As {@link #scoreRows(float[][], int, int[], float[][])} for the rows of blocks {@code
     * fromBlock} to {@code toBlock - 1} only.
     */
    void scoreRows(
        float[][] queries, int count, int[] targets, float[][] outs, int fromBlock, int toBlock);
  }

  /**
   * {@code outs[q + i][target] = matrix row at offset . queries[q + i]} for {@code i < 4}; the SIMD
   * kernels load the row once for the four.
   */
  void dot4(
      float[] matrix, int offset, float[][] queries, int q, int dim, float[][] outs, int target) {
    for (int i = 0; i < 4; i++) {
      outs[q + i][target] = dot(matrix, offset, queries[q + i], dim);
    }
  }
}

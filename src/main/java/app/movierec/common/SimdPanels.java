package app.movierec.common;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A matrix prepared for {@link SimdRowScores}' batch kernel: a copy in panels of {@code LANES}
 * rows, each panel stored dimension by dimension ({@code panel[d][lane]}), zero-padded to a whole
 * number of panel pairs.
 *
 * <p>Why a second layout: scoring the row-major matrix takes one horizontal sum per row and query
 * (a vector's lanes added together) and loads each query slice once per row. Here one vector load
 * holds dimension {@code d} of {@code LANES} rows, the query's {@code d}-th value is broadcast, and
 * the accumulators hold {@code LANES} rows' scores at once, with no horizontal sum. The kernel
 * keeps two panels by four queries in eight accumulators, so each multiply-add needs a quarter of a
 * load: measured on this project's 2-core AVX-512 machines, 35-38 instead of 19-21 billion
 * multiply-adds a second for the ML-25M genome (13,816 x 1,128) and ALS factors (62,423 x 128) in
 * passes of 8-28 queries. It is the register blocking of a matrix-multiply kernel (BLAS {@code
 * sgemm}); written here because a BLAS call would need the matrix off the heap (see {@link
 * RowScores}) and a JNI call per pass.
 *
 * <p>Rows are walked outermost, so the panel pair being scored stays in the core's cache while
 * every group of four queries of the pass reads it: the matrix streams from memory once per pass.
 */
final class SimdPanels implements RowScores.Prepared {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private final float[] panels;
  private final int rows;
  private final int dim;
  private final int panelCount; // even

  SimdPanels(float[] matrix, int rows, int dim) {
    this.rows = rows;
    this.dim = dim;
    this.panelCount = (rows + 2 * LANES - 1) / (2 * LANES) * 2;
    this.panels = new float[Math.multiplyExact(Math.multiplyExact(panelCount, dim), LANES)];
    for (int r = 0; r < rows; r++) {
      int base = (r / LANES) * dim * LANES + r % LANES;
      int offset = r * dim;
      for (int d = 0; d < dim; d++) {
        panels[base + d * LANES] = matrix[offset + d];
      }
    }
  }

  /** A block is a pair of panels, what one kernel call scores. */
  @Override
  public int blocks() {
    return panelCount / 2;
  }

  @Override
  public void scoreRows(
      float[][] queries, int count, int[] targets, float[][] outs, int fromBlock, int toBlock) {
    RowScores.checkQueries(queries, count, rows, dim);
    float[] scores = new float[4 * 2 * LANES]; // a kernel call's scores: 2 panels per query
    for (int p = 2 * fromBlock; p < 2 * toBlock; p += 2) {
      int base = p * dim * LANES;
      int firstRow = p * LANES;
      int q = 0;
      for (; q + 3 < count; q += 4) {
        four(base, queries[q], queries[q + 1], queries[q + 2], queries[q + 3], scores);
        for (int i = 0; i < 4; i++) {
          place(scores, i, firstRow, targets, outs[q + i]);
        }
      }
      // the one to three left: with fewer than four accumulators the multiply-adds would wait on
      // each other's results, so three go through four() (the last query twice), two through
      // two(), one through one(), which splits its sums by even and odd dimensions
      int left = count - q;
      if (left == 3) {
        four(base, queries[q], queries[q + 1], queries[q + 2], queries[q + 2], scores);
      } else if (left == 2) {
        two(base, queries[q], queries[q + 1], scores);
      } else if (left == 1) {
        one(base, queries[q], scores);
      }
      for (int i = 0; i < left; i++) {
        place(scores, i, firstRow, targets, outs[q + i]);
      }
    }
  }

  /** Two panels' scores for four queries, into {@code scores} (query-major). */
  private void four(int base, float[] q0, float[] q1, float[] q2, float[] q3, float[] scores) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector b2 = a0;
    FloatVector b3 = a0;
    int second = base + dim * LANES;
    for (int d = 0; d < dim; d++) {
      FloatVector u = FloatVector.fromArray(SPECIES, panels, base + d * LANES);
      FloatVector v = FloatVector.fromArray(SPECIES, panels, second + d * LANES);
      FloatVector x = FloatVector.broadcast(SPECIES, q0[d]);
      a0 = u.fma(x, a0);
      b0 = v.fma(x, b0);
      x = FloatVector.broadcast(SPECIES, q1[d]);
      a1 = u.fma(x, a1);
      b1 = v.fma(x, b1);
      x = FloatVector.broadcast(SPECIES, q2[d]);
      a2 = u.fma(x, a2);
      b2 = v.fma(x, b2);
      x = FloatVector.broadcast(SPECIES, q3[d]);
      a3 = u.fma(x, a3);
      b3 = v.fma(x, b3);
    }
    a0.intoArray(scores, 0);
    b0.intoArray(scores, LANES);
    a1.intoArray(scores, 2 * LANES);
    b1.intoArray(scores, 3 * LANES);
    a2.intoArray(scores, 4 * LANES);
    b2.intoArray(scores, 5 * LANES);
    a3.intoArray(scores, 6 * LANES);
    b3.intoArray(scores, 7 * LANES);
  }

  /** Two panels' scores for two queries, into the first {@code 4 * LANES} of {@code scores}. */
  private void two(int base, float[] q0, float[] q1, float[] scores) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    int second = base + dim * LANES;
    for (int d = 0; d < dim; d++) {
      FloatVector u = FloatVector.fromArray(SPECIES, panels, base + d * LANES);
      FloatVector v = FloatVector.fromArray(SPECIES, panels, second + d * LANES);
      FloatVector x = FloatVector.broadcast(SPECIES, q0[d]);
      a0 = u.fma(x, a0);
      b0 = v.fma(x, b0);
      x = FloatVector.broadcast(SPECIES, q1[d]);
      a1 = u.fma(x, a1);
      b1 = v.fma(x, b1);
    }
    a0.intoArray(scores, 0);
    b0.intoArray(scores, LANES);
    a1.intoArray(scores, 2 * LANES);
    b1.intoArray(scores, 3 * LANES);
  }

  /** Two panels' scores for one query, into the first {@code 2 * LANES} of {@code scores}. */
  private void one(int base, float[] q0, float[] scores) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    int second = base + dim * LANES;
    int d = 0;
    for (; d + 1 < dim; d += 2) {
      FloatVector x = FloatVector.broadcast(SPECIES, q0[d]);
      FloatVector y = FloatVector.broadcast(SPECIES, q0[d + 1]);
      a0 = FloatVector.fromArray(SPECIES, panels, base + d * LANES).fma(x, a0);
      b0 = FloatVector.fromArray(SPECIES, panels, second + d * LANES).fma(x, b0);
      a1 = FloatVector.fromArray(SPECIES, panels, base + (d + 1) * LANES).fma(y, a1);
      b1 = FloatVector.fromArray(SPECIES, panels, second + (d + 1) * LANES).fma(y, b1);
    }
    if (d < dim) {
      FloatVector x = FloatVector.broadcast(SPECIES, q0[d]);
      a0 = FloatVector.fromArray(SPECIES, panels, base + d * LANES).fma(x, a0);
      b0 = FloatVector.fromArray(SPECIES, panels, second + d * LANES).fma(x, b0);
    }
    a0.add(a1).intoArray(scores, 0);
    b0.add(b1).intoArray(scores, LANES);
  }

  /** Writes query {@code query}'s scores of the real rows (not the padding) to their targets. */
  private void place(float[] scores, int query, int firstRow, int[] targets, float[] out) {
    int from = query * 2 * LANES - firstRow;
    int end = Math.min(rows, firstRow + 2 * LANES);
    for (int r = firstRow; r < end; r++) {
      out[targets == null ? r : targets[r]] = scores[from + r];
    }
  }
}

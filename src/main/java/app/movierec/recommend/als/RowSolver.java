package app.movierec.recommend.als;

import app.movierec.common.Cholesky;

/**
 * Solves one row's normal equations of implicit ALS, {@code (YtY + lambda I + Yt (Cu - I) Y) x = Yt
 * Cu p(u)}, where {@code Y} ({@code rows x f}, row-major float[]) holds the fixed side's factors
 * and only the row's rated columns have confidence above 1 (Hu, Koren & Volinsky 2008, eq. 4):
 * approximately by a few warm-started conjugate-gradient steps (Takacs, Pilaszy & Tikk 2011), as in
 * training, or exactly by Cholesky, for fold-in, explanations and {@code cgSteps = 0}.
 *
 * <p>CG solves one row completely, all its steps in one go, as benfred/implicit does: the row's
 * vectors stay in L1 and its rated factor rows, gathered on the first pass into one contiguous
 * block, in L2 for the later passes. The matrix-vector product never forms {@code A}: it is {@code
 * G p} with the shared Gram matrix {@code G = YtY + lambda I} plus one pass over the rated rows.
 * The arithmetic is in {@link RowKernels} (SIMD where the JVM has the Vector API). A solver holds
 * all its scratch memory, so solving a row allocates nothing; one solver per thread.
 */
final class RowSolver {

  /** A squared residual norm below which a row's CG has converged. */
  static final float CONVERGED = 1e-20f;

  /**
   * Rows with at most this many bytes of rated factor rows are gathered into a contiguous block
   * (sized for a 1 MB L2 with room for the rest); longer rows are read in place on every pass, as
   * their block would not stay in cache anyway.
   */
  static final int GATHER_BYTES = 512 * 1024;

  /**
   * Rows solved together by {@link #conjugateGradient(float[], int[], int, int, float[], float[],
   * int[], int[], float[], int, float[])}.
   */
  static final int BATCH_ROWS = 64;

  /**
   * The width of the column ranges a batch's passes go through together: the factor rows of one
   * range (256 KB) stay in L2 while every row of the batch takes its entries in that range.
   */
  static final int COLUMN_BLOCK_BYTES = 256 * 1024;

  private final int f;
  private final RowKernels kernels;
  private final float[] x;
  private final float[] r;
  private final float[] p;
  private final float[] ap;
  private final int blockRows;
  private int[] identity;
  private float[] block;
  private double[] a;
  private double[] b;
  private float extraDiagonal;
  private final float[][] groupX;
  private final float[][] groupR;
  private final float[][] groupP;
  private final float[][] groupAp;
  private final float[] groupResidualNorms = new float[4];
  private final boolean[] groupActive = new boolean[4];
  private final int[] groupStarts = new int[4];
  private float[][] batchX;
  private float[][] batchR;
  private float[][] batchP;
  private float[][] batchAp;
  private float[] batchResidualNorms;
  private boolean[] batchActive;
  private int[] batchCursors;

  RowSolver(int f) {
    this(RowKernels.forFactors(f));
  }

  RowSolver(RowKernels kernels) {
    this.f = kernels.f;
    this.kernels = kernels;
    this.x = new float[f];
    this.r = new float[f];
    this.p = new float[f];
    this.ap = new float[f];
    this.blockRows = GATHER_BYTES / Float.BYTES / f;
    this.groupX = new float[4][f];
    this.groupR = new float[4][f];
    this.groupP = new float[4][f];
    this.groupAp = new float[4][f];
  }

  boolean usesSimd() {
    return kernels.simd();
  }

  /**
   * Whether a row with {@code ratings} ratings is gathered into the contiguous block; longer rows
   * are for the batched solve.
   */
  boolean gathers(int ratings) {
    return ratings <= blockRows;
  }

  /**
   * Whether four rows with these numbers of ratings are solved together by {@link
   * #conjugateGradient4}: none empty, all four gathered into the block at once.
   */
  boolean groups(int ratings0, int ratings1, int ratings2, int ratings3) {
    return ratings0 > 0
        && ratings1 > 0
        && ratings2 > 0
        && ratings3 > 0
        && ratings0 + ratings1 + ratings2 + ratings3 <= blockRows;
  }

  /**
   * Adds {@code value * I} to the next solves' matrix on top of the Gram matrix: the per-row part
   * of a regularization that grows with the row's number of ratings.
   */
  void extraDiagonal(float value) {
    this.extraDiagonal = value;
  }

  /**
   * {@code steps} conjugate-gradient steps for one row, warm-started from and written back to
   * {@code xs[xOff..xOff+f)}, exactly as benfred/implicit's {@code least_squares_cg}: residual
   * {@code r = Yt Cu p - A x}, then per step {@code A p}, the step along {@code p}, and the next
   * direction; it stops early once {@code r . r} falls below {@link #CONVERGED}. The row's rated
   * columns are {@code cols[from..to)} of {@code y} with confidences {@code conf[from..to)}; {@code
   * gram} is {@code YtY + lambda I}.
   */
  void conjugateGradient(
      float[] xs,
      int xOff,
      float[] y,
      float[] gram,
      int[] cols,
      float[] conf,
      int from,
      int to,
      int steps) {
    if (from == to) {
      java.util.Arrays.fill(xs, xOff, xOff + f, 0f);
      return;
    }
    System.arraycopy(xs, xOff, x, 0, f);
    // The passes below read the row's rated factor rows four times. Gathered once into a
    // contiguous block they stay in L2 and stream without TLB misses; rows too long for the
    // block are read in place (their block would not stay in cache anyway).
    int n = to - from;
    float[] rows = y;
    int[] index = cols;
    int start = from;
    int confShift = 0;
    if (n <= blockRows) {
      if (block == null) {
        block = new float[blockRows * f];
        identity = new int[blockRows];
        for (int k = 0; k < blockRows; k++) {
          identity[k] = k;
        }
      }
      kernels.gather(y, cols, from, to, block);
      rows = block;
      index = identity;
      start = 0;
      confShift = from;
    }
    kernels.gramTimes(gram, x, extraDiagonal, r);
    for (int d = 0; d < f; d++) {
      r[d] = -r[d];
    }
    kernels.pass(rows, index, start, start + n, conf, confShift, 1f, -1f, x, r);
    System.arraycopy(r, 0, p, 0, f);
    float rsOld = kernels.dot(r, r);
    if (rsOld < CONVERGED) {
      return;
    }
    for (int step = 0; step < steps; step++) {
      kernels.gramTimes(gram, p, extraDiagonal, ap);
      kernels.pass(rows, index, start, start + n, conf, confShift, 0f, 1f, p, ap);
      float stepSize = rsOld / kernels.dot(p, ap);
      kernels.addScaled(stepSize, p, x);
      kernels.addScaled(-stepSize, ap, r);
      float rsNew = kernels.dot(r, r);
      if (rsNew < CONVERGED) {
        break;
      }
      kernels.direction(r, rsNew / rsOld, p);
      rsOld = rsNew;
    }
    System.arraycopy(x, 0, xs, xOff, f);
  }

  /**
   * The same CG steps as {@link #conjugateGradient(float[], int, float[], float[], int[], float[],
   * int, int, int)}, with the same bits, for the four rows {@code firstRow..firstRow+3} of the CSR
   * matrix ({@code offsets}, {@code cols}, {@code conf}) in lockstep ({@link #groups} must hold);
   * {@code extraDiagonals[q]} is row {@code firstRow+q}'s extra diagonal.
   *
   * <p>Why: for a short row the products with the Gram matrix cost more than the passes over its
   * few ratings ({@code f^2} against {@code 2 f} per rating), and at 128 factors {@code G} (64 KB)
   * does not stay in L1, so every product streams it from L2. Four rows' products share one read of
   * {@code G} ({@link RowKernels#gramTimes4}).
   */
  void conjugateGradient4(
      float[] xs,
      int firstRow,
      float[] y,
      float[] gram,
      int[] offsets,
      int[] cols,
      float[] conf,
      int steps,
      float[] extraDiagonals) {
    if (block == null) {
      block = new float[blockRows * f];
      identity = new int[blockRows];
      for (int k = 0; k < blockRows; k++) {
        identity[k] = k;
      }
    }
    int start = 0;
    for (int q = 0; q < 4; q++) {
      int row = firstRow + q;
      System.arraycopy(xs, row * f, groupX[q], 0, f);
      kernels.gather(y, cols, offsets[row], offsets[row + 1], block, start);
      groupStarts[q] = start;
      start += offsets[row + 1] - offsets[row];
    }
    kernels.gramTimes4(gram, groupX, extraDiagonals, groupR);
    boolean anyActive = false;
    for (int q = 0; q < 4; q++) {
      float[] rq = groupR[q];
      for (int d = 0; d < f; d++) {
        rq[d] = -rq[d];
      }
      passOf(q, firstRow, offsets, conf, 1f, -1f, groupX[q], rq);
      System.arraycopy(rq, 0, groupP[q], 0, f);
      groupResidualNorms[q] = kernels.dot(rq, rq);
      groupActive[q] = groupResidualNorms[q] >= CONVERGED;
      anyActive |= groupActive[q];
    }
    for (int step = 0; step < steps && anyActive; step++) {
      // (a converged row's product is computed too and not used: its vectors stay as they are)
      kernels.gramTimes4(gram, groupP, extraDiagonals, groupAp);
      anyActive = false;
      for (int q = 0; q < 4; q++) {
        if (!groupActive[q]) {
          continue;
        }
        float[] pq = groupP[q];
        float[] rq = groupR[q];
        float[] apq = groupAp[q];
        passOf(q, firstRow, offsets, conf, 0f, 1f, pq, apq);
        float rsOld = groupResidualNorms[q];
        float stepSize = rsOld / kernels.dot(pq, apq);
        kernels.addScaled(stepSize, pq, groupX[q]);
        kernels.addScaled(-stepSize, apq, rq);
        float rsNew = kernels.dot(rq, rq);
        if (rsNew < CONVERGED) {
          groupActive[q] = false;
        } else {
          kernels.direction(rq, rsNew / rsOld, pq);
          groupResidualNorms[q] = rsNew;
          anyActive = true;
        }
      }
    }
    for (int q = 0; q < 4; q++) {
      System.arraycopy(groupX[q], 0, xs, (firstRow + q) * f, f);
    }
  }

  /** A pass over row {@code firstRow + q}'s factor rows, gathered into the block. */
  private void passOf(
      int q,
      int firstRow,
      int[] offsets,
      float[] conf,
      float first,
      float second,
      float[] v,
      float[] out) {
    int row = firstRow + q;
    int start = groupStarts[q];
    int n = offsets[row + 1] - offsets[row];
    kernels.pass(
        block, identity, start, start + n, conf, offsets[row] - start, first, second, v, out);
  }

  /**
   * The same CG steps as {@link #conjugateGradient(float[], int, float[], float[], int[], float[],
   * int, int, int)}, with the same bits, for the long rows {@code rows[first..first+count)} of the
   * CSR matrix ({@code offsets}, {@code cols}, {@code conf}) at once ({@code count <= BATCH_ROWS});
   * {@code extraDiagonals[k]} is row {@code rows[first+k]}'s extra diagonal.
   *
   * <p>Why: a long row (a popular movie's thousands of users) does not fit the gathered block, so
   * each of its four passes would read its factor rows from all over {@code y}, from memory, with a
   * TLB miss each. Batched, a pass goes through {@code y} in column ranges of {@link
   * #COLUMN_BLOCK_BYTES}, and every row of the batch takes its entries in the range while those
   * factor rows are in L2; popular movies share most of their users, so each factor row is then
   * fetched once per pass and batch instead of once per entry. A row's entries are still taken in
   * their order and in the same groups of four (ranges end on a multiple of four from the row's
   * start), so its result does not depend on the batching.
   */
  void conjugateGradient(
      float[] xs,
      int[] rows,
      int first,
      int count,
      float[] y,
      float[] gram,
      int[] offsets,
      int[] cols,
      float[] conf,
      int steps,
      float[] extraDiagonals) {
    if (batchX == null) {
      batchX = new float[BATCH_ROWS][f];
      batchR = new float[BATCH_ROWS][f];
      batchP = new float[BATCH_ROWS][f];
      batchAp = new float[BATCH_ROWS][f];
      batchResidualNorms = new float[BATCH_ROWS];
      batchActive = new boolean[BATCH_ROWS];
      batchCursors = new int[BATCH_ROWS];
    }
    for (int k = 0; k < count; k++) {
      float[] xk = batchX[k];
      float[] rk = batchR[k];
      System.arraycopy(xs, rows[first + k] * f, xk, 0, f);
      kernels.gramTimes(gram, xk, extraDiagonals[k], rk);
      for (int d = 0; d < f; d++) {
        rk[d] = -rk[d];
      }
      batchActive[k] = true;
    }
    blockedPass(rows, first, count, y, offsets, cols, conf, 1f, -1f, batchX, batchR);
    for (int k = 0; k < count; k++) {
      System.arraycopy(batchR[k], 0, batchP[k], 0, f);
      batchResidualNorms[k] = kernels.dot(batchR[k], batchR[k]);
      batchActive[k] = batchResidualNorms[k] >= CONVERGED;
    }
    for (int step = 0; step < steps; step++) {
      for (int k = 0; k < count; k++) {
        if (batchActive[k]) {
          kernels.gramTimes(gram, batchP[k], extraDiagonals[k], batchAp[k]);
        }
      }
      blockedPass(rows, first, count, y, offsets, cols, conf, 0f, 1f, batchP, batchAp);
      for (int k = 0; k < count; k++) {
        if (!batchActive[k]) {
          continue;
        }
        float[] pk = batchP[k];
        float[] rk = batchR[k];
        float rsOld = batchResidualNorms[k];
        float stepSize = rsOld / kernels.dot(pk, batchAp[k]);
        kernels.addScaled(stepSize, pk, batchX[k]);
        kernels.addScaled(-stepSize, batchAp[k], rk);
        float rsNew = kernels.dot(rk, rk);
        if (rsNew < CONVERGED) {
          batchActive[k] = false;
        } else {
          kernels.direction(rk, rsNew / rsOld, pk);
          batchResidualNorms[k] = rsNew;
        }
      }
    }
    for (int k = 0; k < count; k++) {
      System.arraycopy(batchX[k], 0, xs, rows[first + k] * f, f);
    }
  }

  /** One pass for the batch's active rows, column range by column range. */
  private void blockedPass(
      int[] rows,
      int first,
      int count,
      float[] y,
      int[] offsets,
      int[] cols,
      float[] conf,
      float firstWeight,
      float secondWeight,
      float[][] v,
      float[][] out) {
    int columnsPerBlock = Math.max(1, COLUMN_BLOCK_BYTES / Float.BYTES / f);
    for (int k = 0; k < count; k++) {
      batchCursors[k] = offsets[rows[first + k]];
    }
    boolean more = true;
    for (int blockEnd = columnsPerBlock; more; blockEnd += columnsPerBlock) {
      more = false;
      for (int k = 0; k < count; k++) {
        int row = rows[first + k];
        int rowEnd = offsets[row + 1];
        int from = batchCursors[k];
        if (!batchActive[k] || from == rowEnd) {
          continue;
        }
        int to = from;
        while (to < rowEnd && cols[to] < blockEnd) {
          to++;
        }
        if (to < rowEnd) {
          // keep the row's groups of four as in a single pass over the whole row
          int rowStart = offsets[row];
          to = Math.min(rowEnd, rowStart + ((to - rowStart + 3) & ~3));
        }
        more |= to < rowEnd;
        if (to > from) {
          kernels.pass(y, cols, from, to, conf, 0, firstWeight, secondWeight, v[k], out[k]);
          batchCursors[k] = to;
        }
      }
    }
  }

  /**
   * Solves the row's equations exactly (Cholesky in double precision) into {@code x[xOff..xOff+f)}.
   */
  void exact(
      float[] x, int xOff, float[] y, float[] gram, int[] cols, float[] conf, int from, int to) {
    normalEquations(y, gram, cols, conf, from, to);
    double[] solution = Cholesky.solveInPlace(a, b, f);
    for (int d = 0; d < f; d++) {
      x[xOff + d] = (float) solution[d];
    }
  }

  /**
   * For explanations (as implicit's {@code explain}): solves {@code A w = y_target} with the row's
   * {@code A}, so that the target's score splits into {@code sum_j c_j (w . y_j)} over the row's
   * rated columns.
   */
  double[] solveAgainst(
      float[] y, float[] gram, int[] cols, float[] conf, int from, int to, int targetRow) {
    normalEquations(y, gram, cols, conf, from, to);
    for (int d = 0; d < f; d++) {
      b[d] = y[targetRow * f + d];
    }
    return Cholesky.solveInPlace(a, b, f).clone();
  }

  private void normalEquations(
      float[] y, float[] gram, int[] cols, float[] conf, int from, int to) {
    if (a == null) {
      a = new double[f * f];
      b = new double[f];
    }
    for (int i = 0; i < f * f; i++) {
      a[i] = gram[i];
    }
    for (int i = 0; i < f; i++) {
      a[i * f + i] += extraDiagonal;
    }
    java.util.Arrays.fill(b, 0);
    for (int k = from; k < to; k++) {
      int yOff = cols[k] * f;
      double c = conf[k];
      for (int i = 0; i < f; i++) {
        double yi = y[yOff + i];
        b[i] += c * yi;
        double scaled = (c - 1) * yi;
        int rowOff = i * f;
        for (int j = 0; j < f; j++) {
          a[rowOff + j] += scaled * y[yOff + j];
        }
      }
    }
  }
}

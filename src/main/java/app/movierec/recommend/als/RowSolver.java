package app.movierec.recommend.als;

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
  }

  boolean usesSimd() {
    return kernels.simd();
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

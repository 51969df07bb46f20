package app.movierec.recommend.als;

import app.movierec.common.Cholesky;

/**
 * Solves one row's normal equations of implicit ALS, {@code (YtY + lambda I + Yt (Cu - I) Y) x = Yt
 * Cu p(u)}, where {@code Y} ({@code rows x f}, row-major float[]) holds the fixed side's factors
 * and only the row's rated columns have confidence above 1 (Hu, Koren & Volinsky 2008, eq. 4): the
 * per-row part of lockstep conjugate gradient (Takacs et al. 2011), and exact Cholesky solves for
 * fold-in, explanations and {@code cgSteps = 0}.
 *
 * <p>These are plain Java loops over float[] on purpose: the sparse part of a row's CG step touches
 * only its own rated columns, about {@code 2 f nnz} multiply-adds. An ND4J call costs microseconds
 * of op dispatch and JNI per invocation, which would dominate such tiny vectors (there are ~10k
 * rows per sweep on ml-latest-small). ND4J does the dense products instead: the Gram matrix {@code
 * YtY}, and {@code P G} for all rows of a CG step in one gemm.
 */
final class RowSolver {

  private final int f;
  private final float[] r;
  private final float[] p;
  private final float[] ap;
  private final double[] a;
  private final double[] b;
  private float extraDiagonal;

  /** A squared residual norm below which a row's CG has converged. */
  static final float CONVERGED = 1e-20f;

  RowSolver(int f) {
    this.f = f;
    this.r = new float[f];
    this.p = new float[f];
    this.ap = new float[f];
    this.a = new double[f * f];
    this.b = new double[f];
  }

  /**
   * Adds {@code value * I} to the next solves' matrix on top of the Gram matrix: the per-row part
   * of a regularization that grows with the row's number of ratings.
   */
  void extraDiagonal(float value) {
    this.extraDiagonal = value;
  }

  /**
   * The start of lockstep CG for one row of a batch (see {@code AlsTrainer}): from {@code
   * xTimesGram}, the row's {@code x G} computed for all rows at once, sets the row's residual
   * {@code r = b - A x} and first direction {@code p = r} and returns {@code r . r}. All arrays are
   * {@code rows x f} row-major.
   */
  float startBatched(
      float[] x,
      float[] xTimesGram,
      float[] r,
      float[] p,
      int row,
      float[] y,
      int[] cols,
      float[] conf,
      int from,
      int to) {
    int off = row * f;
    for (int d = 0; d < f; d++) {
      r[off + d] = -xTimesGram[off + d] - extraDiagonal * x[off + d];
    }
    for (int k = from; k < to; k++) {
      int yOff = cols[k] * f;
      float c = conf[k];
      float coefficient = c - (c - 1) * dot(y, yOff, x, off);
      for (int d = 0; d < f; d++) {
        r[off + d] += coefficient * y[yOff + d];
      }
    }
    System.arraycopy(r, off, p, off, f);
    return dot(r, off, r, off);
  }

  /**
   * One lockstep CG step for one row, given the row's {@code p G} in {@code directionsTimesGram}:
   * updates the row's {@code x}, {@code r} and {@code p} and returns the new {@code r . r} (below
   * {@link #CONVERGED}: done).
   */
  float stepBatched(
      float[] x,
      float[] directionsTimesGram,
      float[] r,
      float[] p,
      float rsOld,
      int row,
      float[] y,
      int[] cols,
      float[] conf,
      int from,
      int to) {
    int off = row * f;
    for (int d = 0; d < f; d++) {
      ap[d] = directionsTimesGram[off + d] + extraDiagonal * p[off + d];
    }
    for (int k = from; k < to; k++) {
      int yOff = cols[k] * f;
      axpy((conf[k] - 1) * dot(y, yOff, p, off), y, yOff, ap);
    }
    float stepSize = rsOld / dot(p, off, ap, 0);
    for (int d = 0; d < f; d++) {
      x[off + d] += stepSize * p[off + d];
      r[off + d] -= stepSize * ap[d];
    }
    float rsNew = dot(r, off, r, off);
    if (rsNew < CONVERGED) {
      return rsNew;
    }
    float beta = rsNew / rsOld;
    for (int d = 0; d < f; d++) {
      p[off + d] = r[off + d] + beta * p[off + d];
    }
    return rsNew;
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

  /**
   * Dot product with eight independent accumulators: the JIT may not reorder a float sum into SIMD
   * lanes, but independent chains let the CPU overlap the additions instead of waiting on one.
   */
  private float dot(float[] u, int uOff, float[] v, int vOff) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    int d = 0;
    for (; d + 7 < f; d += 8) {
      s0 += u[uOff + d] * v[vOff + d];
      s1 += u[uOff + d + 1] * v[vOff + d + 1];
      s2 += u[uOff + d + 2] * v[vOff + d + 2];
      s3 += u[uOff + d + 3] * v[vOff + d + 3];
      s4 += u[uOff + d + 4] * v[vOff + d + 4];
      s5 += u[uOff + d + 5] * v[vOff + d + 5];
      s6 += u[uOff + d + 6] * v[vOff + d + 6];
      s7 += u[uOff + d + 7] * v[vOff + d + 7];
    }
    for (; d < f; d++) {
      s0 += u[uOff + d] * v[vOff + d];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  private void axpy(float scale, float[] y, int yOff, float[] out) {
    for (int d = 0; d < f; d++) {
      out[d] += scale * y[yOff + d];
    }
  }
}

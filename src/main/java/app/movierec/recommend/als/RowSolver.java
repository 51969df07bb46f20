package app.movierec.recommend.als;

/**
 * Solves one row's normal equations of implicit ALS, {@code (YtY + lambda I + Yt (Cu - I) Y) x = Yt Cu p(u)}, where
 * {@code Y} ({@code rows x f}, row-major float[]) holds the fixed side's factors and only the row's rated columns have
 * confidence above 1 (Hu, Koren & Volinsky 2008, eq. 4).
 *
 * <p>These are plain Java loops over float[] on purpose: one row touches only its own rated columns plus the
 * {@code f x f} Gram matrix, about {@code f * (nnz + f)} multiply-adds per CG step. An ND4J call costs microseconds
 * of op dispatch and JNI per invocation, which would dominate such tiny vectors (there are ~10k rows per sweep); the
 * JIT auto-vectorises these loops instead. ND4J does the big dense products (the Gram matrix, scoring all movies).
 */
final class RowSolver {

  private final int f;
  private final float[] r;
  private final float[] p;
  private final float[] ap;
  private final double[] a;
  private final double[] b;
  private float extraDiagonal;

  RowSolver(int f) {
    this.f = f;
    this.r = new float[f];
    this.p = new float[f];
    this.ap = new float[f];
    this.a = new double[f * f];
    this.b = new double[f];
  }

  /**
   * Adds {@code value * I} to the next solves' matrix on top of the Gram matrix: the per-row part of a regularization
   * that grows with the row's number of ratings.
   */
  void extraDiagonal(float value) {
    this.extraDiagonal = value;
  }

  /**
   * Improves {@code x[xOff..xOff+f)} in place by {@code steps} conjugate-gradient steps, warm-started from its current
   * value (Takacs, Pilaszy & Tikk 2011, as in benfred/implicit's {@code _least_squares_cg}).
   *
   * @param gram {@code YtY + lambda I}, {@code f x f}
   */
  void conjugateGradient(
      float[] x, int xOff, float[] y, float[] gram, int[] cols, float[] conf, int from, int to, int steps) {
    // r = b - A x = sum_i c_i y_i - YtY x - sum_i (c_i - 1) (y_i . x) y_i
    multiply(gram, x, xOff, r);
    for (int d = 0; d < f; d++) {
      r[d] = -r[d];
    }
    for (int k = from; k < to; k++) {
      int yOff = cols[k] * f;
      float c = conf[k];
      float coefficient = c - (c - 1) * dot(y, yOff, x, xOff);
      axpy(coefficient, y, yOff, r);
    }
    System.arraycopy(r, 0, p, 0, f);
    float rsOld = dot(r, 0, r, 0);
    if (rsOld < 1e-20f) {
      return;
    }
    for (int step = 0; step < steps; step++) {
      multiply(gram, p, 0, ap);
      for (int k = from; k < to; k++) {
        int yOff = cols[k] * f;
        axpy((conf[k] - 1) * dot(y, yOff, p, 0), y, yOff, ap);
      }
      float stepSize = rsOld / dot(p, 0, ap, 0);
      for (int d = 0; d < f; d++) {
        x[xOff + d] += stepSize * p[d];
        r[d] -= stepSize * ap[d];
      }
      float rsNew = dot(r, 0, r, 0);
      if (rsNew < 1e-20f) {
        return;
      }
      float beta = rsNew / rsOld;
      for (int d = 0; d < f; d++) {
        p[d] = r[d] + beta * p[d];
      }
      rsOld = rsNew;
    }
  }

  /** Solves the row's equations exactly (Cholesky in double precision) into {@code x[xOff..xOff+f)}. */
  void exact(float[] x, int xOff, float[] y, float[] gram, int[] cols, float[] conf, int from, int to) {
    normalEquations(y, gram, cols, conf, from, to);
    double[] solution = Cholesky.solveInPlace(a, b, f);
    for (int d = 0; d < f; d++) {
      x[xOff + d] = (float) solution[d];
    }
  }

  /**
   * For explanations (as implicit's {@code explain}): solves {@code A w = y_target} with the row's {@code A}, so
   * that the target's score splits into {@code sum_j c_j (w . y_j)} over the row's rated columns.
   */
  double[] solveAgainst(float[] y, float[] gram, int[] cols, float[] conf, int from, int to, int targetRow) {
    normalEquations(y, gram, cols, conf, from, to);
    for (int d = 0; d < f; d++) {
      b[d] = y[targetRow * f + d];
    }
    return Cholesky.solveInPlace(a, b, f).clone();
  }

  private void normalEquations(float[] y, float[] gram, int[] cols, float[] conf, int from, int to) {
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
   * {@code out = m v} for the symmetric Gram matrix {@code m}, written as a sum of scaled rows (axpy form): the
   * inner loop has no reduction, so the JIT can vectorise it (it may not reorder a float sum).
   */
  private void multiply(float[] m, float[] v, int vOff, float[] out) {
    for (int i = 0; i < f; i++) {
      out[i] = extraDiagonal * v[vOff + i];
    }
    for (int j = 0; j < f; j++) {
      float vj = v[vOff + j];
      int rowOff = j * f;
      for (int i = 0; i < f; i++) {
        out[i] += m[rowOff + i] * vj;
      }
    }
  }

  /** Dot product with four independent accumulators, so the float additions pipeline instead of waiting. */
  private float dot(float[] u, int uOff, float[] v, int vOff) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < f; d += 4) {
      s0 += u[uOff + d] * v[vOff + d];
      s1 += u[uOff + d + 1] * v[vOff + d + 1];
      s2 += u[uOff + d + 2] * v[vOff + d + 2];
      s3 += u[uOff + d + 3] * v[vOff + d + 3];
    }
    for (; d < f; d++) {
      s0 += u[uOff + d] * v[vOff + d];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private void axpy(float scale, float[] y, int yOff, float[] out) {
    for (int d = 0; d < f; d++) {
      out[d] += scale * y[yOff + d];
    }
  }
}

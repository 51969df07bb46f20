package app.movierec.common;

/**
 * Dense Cholesky solves of small symmetric positive-definite systems, in double precision. Plain
 * Java on purpose: ALS solves thousands of {@code f x f} systems per second (an ND4J call per
 * system would cost more than the solve), and the content-to-factor regression solves one {@code d
 * x d} system with many right-hand sides, for which ND4J's generic matrix inverse took minutes.
 */
public final class Cholesky {

  private Cholesky() {}

  /**
   * Solves {@code A x = b} for symmetric positive-definite {@code A} ({@code n x n}, row-major).
   * Overwrites {@code a} with its factor and {@code b} with the solution, which it returns.
   */
  public static double[] solveInPlace(double[] a, double[] b, int n) {
    factor(a, n);
    substitute(a, b, n);
    return b;
  }

  /** Replaces the lower triangle of {@code a} by {@code L} with {@code A = L Lt}. */
  private static void factor(double[] a, int n) {
    for (int j = 0; j < n; j++) {
      double diagonal = a[j * n + j];
      for (int k = 0; k < j; k++) {
        diagonal -= a[j * n + k] * a[j * n + k];
      }
      if (!(diagonal > 0)) {
        throw new IllegalStateException(
            "the normal equations are not positive definite (use a regularization > 0)");
      }
      double l = Math.sqrt(diagonal);
      a[j * n + j] = l;
      for (int i = j + 1; i < n; i++) {
        double sum = a[i * n + j];
        for (int k = 0; k < j; k++) {
          sum -= a[i * n + k] * a[j * n + k];
        }
        a[i * n + j] = sum / l;
      }
    }
  }

  /** Solves {@code L Lt x = b} in place, given the factor from {@link #factor}. */
  private static void substitute(double[] a, double[] b, int n) {
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= a[i * n + k] * b[k];
      }
      b[i] = sum / a[i * n + i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double sum = b[i];
      for (int k = i + 1; k < n; k++) {
        sum -= a[k * n + i] * b[k];
      }
      b[i] = sum / a[i * n + i];
    }
  }

  /**
   * Solves {@code A X = B} for symmetric positive-definite {@code A} ({@code n x n}) and {@code m}
   * right-hand sides ({@code B} is {@code n x m}, both row-major). Overwrites {@code a} with its
   * factor and {@code b} with the solution, which it returns.
   */
  public static double[] solveInPlace(double[] a, double[] b, int n, int m) {
    factor(a, n);
    double[] column = new double[n];
    for (int c = 0; c < m; c++) {
      for (int i = 0; i < n; i++) {
        column[i] = b[i * m + c];
      }
      substitute(a, column, n);
      for (int i = 0; i < n; i++) {
        b[i * m + c] = column[i];
      }
    }
    return b;
  }
}

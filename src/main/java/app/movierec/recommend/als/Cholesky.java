package app.movierec.recommend.als;

/**
 * A dense Cholesky solve of a small symmetric positive-definite system; plain Java because {@code
 * f} is small.
 */
final class Cholesky {

  private Cholesky() {}

  /**
   * Solves {@code A x = b} for symmetric positive-definite {@code A} ({@code n x n}, row-major).
   * Overwrites {@code a} with its factor and {@code b} with the solution, which it returns.
   */
  static double[] solveInPlace(double[] a, double[] b, int n) {
    for (int j = 0; j < n; j++) {
      double diagonal = a[j * n + j];
      for (int k = 0; k < j; k++) {
        diagonal -= a[j * n + k] * a[j * n + k];
      }
      if (!(diagonal > 0)) {
        throw new IllegalStateException(
            "ALS normal equations are not positive definite (use a regularization > 0)");
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
    return b;
  }
}

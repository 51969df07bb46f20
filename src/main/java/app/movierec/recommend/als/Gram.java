package app.movierec.recommend.als;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Gram matrix {@code YtY + lambda I} ({@code f x f}) of a factor matrix, computed by ND4J's
 * BLAS gemm.
 */
final class Gram {

  private Gram() {}

  /**
   * {@code YtY + lambda I} of {@code y} ({@code rows x f}, row-major), as a row-major float[f*f].
   */
  static float[] of(float[] y, int rows, int f, double lambda) {
    float[] gram;
    if (rows == 0) {
      gram = new float[f * f];
    } else {
      INDArray matrix = Nd4jArrays.matrix(y, rows, f);
      INDArray product = Nd4j.gemm(matrix, matrix, true, false);
      gram = Nd4jArrays.floats(product);
      Nd4jArrays.release(matrix, product);
    }
    for (int d = 0; d < f; d++) {
      gram[d * f + d] += (float) lambda;
    }
    return gram;
  }
}

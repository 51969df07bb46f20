package app.movierec.recommend.als;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Gram matrix {@code YtY + lambda I} ({@code f x f}) of a factor matrix, computed by ND4J's BLAS gemm. */
final class Gram {

  private Gram() {}

  /** {@code YtY + lambda I} of {@code y} ({@code rows x f}, row-major), as a row-major float[f*f]. */
  static float[] of(float[] y, int rows, int f, double lambda) {
    float[] gram;
    if (rows == 0) {
      gram = new float[f * f];
    } else {
      INDArray matrix = Nd4j.create(y, new long[] {rows, f}, DataType.FLOAT);
      INDArray product = Nd4j.gemm(matrix, matrix, true, false);
      INDArray ordered = product.dup('c');
      gram = ordered.data().asFloat();
      Nd4jArrays.release(matrix, product, ordered);
    }
    for (int d = 0; d < f; d++) {
      gram[d * f + d] += (float) lambda;
    }
    return gram;
  }

  /** {@code m G} for {@code m} ({@code rows x f}) and the symmetric {@code G} ({@code f x f}), by one ND4J gemm. */
  static float[] times(float[] m, int rows, int f, float[] gram) {
    if (rows == 0) {
      return new float[0];
    }
    INDArray left = Nd4j.create(m, new long[] {rows, f}, DataType.FLOAT);
    INDArray right = Nd4j.create(gram, new long[] {f, f}, DataType.FLOAT);
    INDArray product = Nd4j.gemm(left, right, false, false);
    INDArray ordered = product.ordering() == 'c' ? product : product.dup('c');
    float[] result = ordered.data().asFloat();
    Nd4jArrays.release(left, right, product, ordered);
    return result;
  }
}

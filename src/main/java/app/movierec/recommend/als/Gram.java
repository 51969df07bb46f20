package app.movierec.recommend.als;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Gram matrix {@code YtY + lambda I} ({@code f x f}) of a factor matrix, computed by ND4J's
 * BLAS gemm.
 */
final class Gram {

  /**
   * Rows copied off-heap per gemm: {@code YtY} is the sum of its row blocks' Gram matrices, so one
   * small buffer (4 MB at 128 factors) does instead of a copy of the whole factor matrix (72 MB for
   * 140k users), which would show in the peak memory of training.
   */
  static final int ROWS_PER_BLOCK = 8192;

  private Gram() {}

  /**
   * {@code YtY + lambda I} of {@code y} ({@code rows x f}, row-major), as a row-major float[f*f].
   */
  static float[] of(float[] y, int rows, int f, double lambda) {
    float[] gram;
    if (rows == 0) {
      gram = new float[f * f];
    } else {
      int blockRows = Math.min(rows, ROWS_PER_BLOCK);
      INDArray block = Nd4j.createUninitialized(DataType.FLOAT, new long[] {blockRows, f}, 'c');
      INDArray product = Nd4j.zeros(DataType.FLOAT, f, f);
      try {
        for (int start = 0; start < rows; start += blockRows) {
          int count = Math.min(blockRows, rows - start);
          INDArray part = block;
          if (count < blockRows) {
            // the last, shorter block: a fresh array of its size (a view would have to be freed
            // too)
            part = Nd4j.createUninitialized(DataType.FLOAT, new long[] {count, f}, 'c');
          }
          new FloatPointer(part.data().addressPointer()).put(y, start * f, count * f);
          Nd4j.gemm(part, part, product, true, false, 1.0, start == 0 ? 0.0 : 1.0);
          if (part != block) {
            Nd4jArrays.release(part);
          }
        }
        gram = Nd4jArrays.floats(product);
      } finally {
        Nd4jArrays.release(block, product);
      }
    }
    for (int d = 0; d < f; d++) {
      gram[d * f + d] += (float) lambda;
    }
    return gram;
  }
}

package app.movierec.recommend.als;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Frees temporary ND4J arrays at once instead of waiting for the garbage collector to find their off-heap memory. */
final class Nd4jArrays {

  private Nd4jArrays() {}

  static void release(INDArray... arrays) {
    for (INDArray array : arrays) {
      if (array != null && array.closeable() && !array.wasClosed()) {
        array.close();
      }
    }
  }
}

package app.movierec.recommend.als;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moving float[] in and out of ND4J in bulk, and freeing temporary arrays at once: with JavaCPP's
 * pointer GC off ({@code -Dorg.bytedeco.javacpp.nopointergc=true}) an unclosed array's off-heap
 * memory is never freed.
 */
final class Nd4jArrays {

  private Nd4jArrays() {}

  /**
   * A new row-major {@code rows x cols} float array holding a copy of {@code data}. One memcpy:
   * ND4J's own {@code create(float[], ...)} copies element by element through its indexer, which
   * showed up in profiles.
   */
  static INDArray matrix(float[] data, long rows, long cols) {
    INDArray array = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, cols}, 'c');
    Pointer address = array.data().addressPointer();
    new FloatPointer(address).put(data, 0, data.length);
    return array;
  }

  /** The elements of a row-major (c-order) float array, copied out in one memcpy. */
  static float[] floats(INDArray array) {
    INDArray ordered = array.ordering() == 'c' && array.isView() == false ? array : array.dup('c');
    float[] result = new float[(int) ordered.length()];
    new FloatPointer(ordered.data().addressPointer()).get(result, 0, result.length);
    if (ordered != array) {
      release(ordered);
    }
    return result;
  }

  static void release(INDArray... arrays) {
    for (INDArray array : arrays) {
      if (array != null && array.closeable() && !array.wasClosed()) {
        array.close();
      }
    }
  }
}

package app.movierec.common;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowScores} in the widest float vectors the CPU has (8 lanes with AVX2, 16 with AVX-512),
 * two accumulators per row so that consecutive multiply-adds do not wait on each other. Only loaded
 * when the JVM has the {@code jdk.incubator.vector} module ({@link RowScores#fastest()}).
 */
final class SimdRowScores extends RowScores {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private SimdRowScores() {}

  static RowScores create() {
    return new SimdRowScores();
  }

  @Override
  public boolean simd() {
    return true;
  }

  @Override
  public float dot(float[] matrix, int offset, float[] query, int dim) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = FloatVector.zero(SPECIES);
    int vectorEnd = dim - dim % LANES;
    int d = 0;
    for (; d + LANES < vectorEnd; d += 2 * LANES) {
      a0 =
          FloatVector.fromArray(SPECIES, matrix, offset + d)
              .fma(FloatVector.fromArray(SPECIES, query, d), a0);
      a1 =
          FloatVector.fromArray(SPECIES, matrix, offset + d + LANES)
              .fma(FloatVector.fromArray(SPECIES, query, d + LANES), a1);
    }
    for (; d < vectorEnd; d += LANES) {
      a0 =
          FloatVector.fromArray(SPECIES, matrix, offset + d)
              .fma(FloatVector.fromArray(SPECIES, query, d), a0);
    }
    float s = a0.add(a1).reduceLanes(VectorOperators.ADD);
    for (; d < dim; d++) {
      s += matrix[offset + d] * query[d];
    }
    return s;
  }
}

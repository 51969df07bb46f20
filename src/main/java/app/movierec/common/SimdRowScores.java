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
  public Prepared prepare(float[] matrix, int rows, int dim) {
    checkShape(matrix, rows, dim);
    return new SimdPanels(matrix, rows, dim);
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

  @Override
  void dot4(
      float[] matrix, int offset, float[][] queries, int q, int dim, float[][] outs, int target) {
    float[] q0 = queries[q];
    float[] q1 = queries[q + 1];
    float[] q2 = queries[q + 2];
    float[] q3 = queries[q + 3];
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = FloatVector.zero(SPECIES);
    FloatVector a2 = FloatVector.zero(SPECIES);
    FloatVector a3 = FloatVector.zero(SPECIES);
    int vectorEnd = dim - dim % LANES;
    int d = 0;
    for (; d < vectorEnd; d += LANES) {
      FloatVector row = FloatVector.fromArray(SPECIES, matrix, offset + d);
      a0 = row.fma(FloatVector.fromArray(SPECIES, q0, d), a0);
      a1 = row.fma(FloatVector.fromArray(SPECIES, q1, d), a1);
      a2 = row.fma(FloatVector.fromArray(SPECIES, q2, d), a2);
      a3 = row.fma(FloatVector.fromArray(SPECIES, q3, d), a3);
    }
    float s0 = a0.reduceLanes(VectorOperators.ADD);
    float s1 = a1.reduceLanes(VectorOperators.ADD);
    float s2 = a2.reduceLanes(VectorOperators.ADD);
    float s3 = a3.reduceLanes(VectorOperators.ADD);
    for (; d < dim; d++) {
      float m = matrix[offset + d];
      s0 += m * q0[d];
      s1 += m * q1[d];
      s2 += m * q2[d];
      s3 += m * q3[d];
    }
    outs[q][target] = s0;
    outs[q + 1][target] = s1;
    outs[q + 2][target] = s2;
    outs[q + 3][target] = s3;
  }
}

package app.movierec.common;

/** {@link RowScores} in plain Java: four partial sums, so the loads of a row overlap. */
final class ScalarRowScores extends RowScores {

  @Override
  public boolean simd() {
    return false;
  }

  @Override
  public float dot(float[] matrix, int offset, float[] query, int dim) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < dim; d += 4) {
      s0 += matrix[offset + d] * query[d];
      s1 += matrix[offset + d + 1] * query[d + 1];
      s2 += matrix[offset + d + 2] * query[d + 2];
      s3 += matrix[offset + d + 3] * query[d + 3];
    }
    for (; d < dim; d++) {
      s0 += matrix[offset + d] * query[d];
    }
    return (s0 + s1) + (s2 + s3);
  }
}

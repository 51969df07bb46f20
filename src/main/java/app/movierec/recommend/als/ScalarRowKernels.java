package app.movierec.recommend.als;

/**
 * {@link RowKernels} in plain Java, for JVMs started without {@code --add-modules
 * jdk.incubator.vector}. The JIT vectorises the element-wise loops ({@code out += s * v}) by
 * itself; it may not reorder a float sum into SIMD lanes, so the dot products keep eight
 * independent chains, which lets the CPU overlap the additions instead of waiting on one.
 */
final class ScalarRowKernels extends RowKernels {

  ScalarRowKernels(int f) {
    super(f);
  }

  @Override
  boolean simd() {
    return false;
  }

  @Override
  void gramTimes(float[] gram, float[] v, float extraDiagonal, float[] out) {
    // G is symmetric: out = sum_j v_j G[j, :], so every step is an element-wise update of a row
    for (int d = 0; d < f; d++) {
      out[d] = extraDiagonal * v[d];
    }
    for (int j = 0; j < f; j++) {
      float vj = v[j];
      int row = j * f;
      for (int d = 0; d < f; d++) {
        out[d] += vj * gram[row + d];
      }
    }
  }

  @Override
  void pass(
      float[] rows,
      int[] index,
      int from,
      int to,
      float[] conf,
      int confShift,
      float first,
      float second,
      float[] v,
      float[] out) {
    for (int k = from; k < to; k++) {
      int off = index[k] * f;
      float c = conf[k + confShift];
      float coefficient = first * c + (c - 1) * dot(rows, off, v) * second;
      for (int d = 0; d < f; d++) {
        out[d] += coefficient * rows[off + d];
      }
    }
  }

  @Override
  float dot(float[] u, float[] v) {
    return dot(u, 0, v);
  }

  @Override
  void addScaled(float scale, float[] v, float[] out) {
    for (int d = 0; d < f; d++) {
      out[d] += scale * v[d];
    }
  }

  @Override
  void direction(float[] r, float beta, float[] p) {
    for (int d = 0; d < f; d++) {
      p[d] = r[d] + beta * p[d];
    }
  }

  private float dot(float[] u, int uOff, float[] v) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    int d = 0;
    for (; d + 7 < f; d += 8) {
      s0 += u[uOff + d] * v[d];
      s1 += u[uOff + d + 1] * v[d + 1];
      s2 += u[uOff + d + 2] * v[d + 2];
      s3 += u[uOff + d + 3] * v[d + 3];
      s4 += u[uOff + d + 4] * v[d + 4];
      s5 += u[uOff + d + 5] * v[d + 5];
      s6 += u[uOff + d + 6] * v[d + 6];
      s7 += u[uOff + d + 7] * v[d + 7];
    }
    for (; d < f; d++) {
      s0 += u[uOff + d] * v[d];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }
}

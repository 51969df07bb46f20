package app.movierec.recommend.als;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} through the JDK's Vector API, in the widest float vectors the CPU has (16
 * lanes with AVX-512, 8 with AVX2). Hand-written because a row's vectors are short ({@code f} = 64
 * or 128): a BLAS call per rated movie, as implicit makes, costs more in call overhead than the
 * arithmetic, and the JIT alone does not put dot products into SIMD lanes (that would reorder a
 * float sum). This is where ALS spends its time: each pass handles four rated rows at once, so that
 * their loads overlap and the target vector is read and written once per four rows.
 *
 * <p>Horizontal sums use a fixed tree of lane swaps rather than {@code reduceLanes(ADD)}, whose
 * order is unspecified and may differ between interpreted and compiled code: a row then gets the
 * same bits whichever thread solves it, whenever. Element-wise {@code fma} is exact-rounded (as
 * {@link Math#fma}) in every mode.
 */
final class SimdRowKernels extends RowKernels {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  private static final VectorShuffle<Float> SWAP_8 = swap(8);
  private static final VectorShuffle<Float> SWAP_4 = swap(4);
  private static final VectorShuffle<Float> SWAP_2 = swap(2);
  private static final VectorShuffle<Float> SWAP_1 = swap(1);

  /** {@code f} rounded down to whole vectors; the rest is done one element at a time. */
  private final int vectorEnd;

  SimdRowKernels(int f) {
    super(f);
    this.vectorEnd = f - f % LANES;
  }

  /** Floats per vector. */
  static int lanes() {
    return LANES;
  }

  private static VectorShuffle<Float> swap(int distance) {
    return distance < LANES ? VectorShuffle.fromOp(SPECIES, lane -> lane ^ distance) : null;
  }

  private static FloatVector broadcast(float value) {
    return FloatVector.broadcast(SPECIES, value);
  }

  /** The sum of the lanes by a fixed tree: pairs {@code LANES/2} apart first, then closer ones. */
  private static float sum(FloatVector v) {
    if (LANES > 8) {
      v = v.add(v.rearrange(SWAP_8));
    }
    if (LANES > 4) {
      v = v.add(v.rearrange(SWAP_4));
    }
    if (LANES > 2) {
      v = v.add(v.rearrange(SWAP_2));
    }
    if (LANES > 1) {
      v = v.add(v.rearrange(SWAP_1));
    }
    return v.lane(0);
  }

  @Override
  boolean simd() {
    return true;
  }

  @Override
  void gramTimes(float[] gram, float[] v, float extraDiagonal, float[] out) {
    // G is symmetric: out = sum_j v_j G[j, :], element-wise; four partial sums hide the fma latency
    int d = 0;
    for (; d < vectorEnd; d += LANES) {
      FloatVector s0 = FloatVector.fromArray(SPECIES, v, d).mul(extraDiagonal);
      FloatVector s1 = FloatVector.zero(SPECIES);
      FloatVector s2 = FloatVector.zero(SPECIES);
      FloatVector s3 = FloatVector.zero(SPECIES);
      int j = 0;
      for (; j + 3 < f; j += 4) {
        int row = j * f + d;
        s0 = FloatVector.fromArray(SPECIES, gram, row).fma(broadcast(v[j]), s0);
        s1 = FloatVector.fromArray(SPECIES, gram, row + f).fma(broadcast(v[j + 1]), s1);
        s2 = FloatVector.fromArray(SPECIES, gram, row + 2 * f).fma(broadcast(v[j + 2]), s2);
        s3 = FloatVector.fromArray(SPECIES, gram, row + 3 * f).fma(broadcast(v[j + 3]), s3);
      }
      for (; j < f; j++) {
        s0 = FloatVector.fromArray(SPECIES, gram, j * f + d).fma(broadcast(v[j]), s0);
      }
      s0.add(s1).add(s2.add(s3)).intoArray(out, d);
    }
    for (; d < f; d++) {
      float s = extraDiagonal * v[d];
      for (int j = 0; j < f; j++) {
        s += v[j] * gram[j * f + d];
      }
      out[d] = s;
    }
  }

  @Override
  void gramTimes4(float[] gram, float[][] v, float[] extraDiagonals, float[][] out) {
    // the arithmetic of gramTimes for each vector, with every row of G loaded once for all four
    float[] v0 = v[0];
    float[] v1 = v[1];
    float[] v2 = v[2];
    float[] v3 = v[3];
    int d = 0;
    for (; d < vectorEnd; d += LANES) {
      FloatVector s00 = FloatVector.fromArray(SPECIES, v0, d).mul(extraDiagonals[0]);
      FloatVector s10 = FloatVector.zero(SPECIES);
      FloatVector s20 = FloatVector.zero(SPECIES);
      FloatVector s30 = FloatVector.zero(SPECIES);
      FloatVector s01 = FloatVector.fromArray(SPECIES, v1, d).mul(extraDiagonals[1]);
      FloatVector s11 = FloatVector.zero(SPECIES);
      FloatVector s21 = FloatVector.zero(SPECIES);
      FloatVector s31 = FloatVector.zero(SPECIES);
      FloatVector s02 = FloatVector.fromArray(SPECIES, v2, d).mul(extraDiagonals[2]);
      FloatVector s12 = FloatVector.zero(SPECIES);
      FloatVector s22 = FloatVector.zero(SPECIES);
      FloatVector s32 = FloatVector.zero(SPECIES);
      FloatVector s03 = FloatVector.fromArray(SPECIES, v3, d).mul(extraDiagonals[3]);
      FloatVector s13 = FloatVector.zero(SPECIES);
      FloatVector s23 = FloatVector.zero(SPECIES);
      FloatVector s33 = FloatVector.zero(SPECIES);
      int j = 0;
      for (; j + 3 < f; j += 4) {
        int row = j * f + d;
        FloatVector g0 = FloatVector.fromArray(SPECIES, gram, row);
        FloatVector g1 = FloatVector.fromArray(SPECIES, gram, row + f);
        FloatVector g2 = FloatVector.fromArray(SPECIES, gram, row + 2 * f);
        FloatVector g3 = FloatVector.fromArray(SPECIES, gram, row + 3 * f);
        s00 = g0.fma(broadcast(v0[j]), s00);
        s10 = g1.fma(broadcast(v0[j + 1]), s10);
        s20 = g2.fma(broadcast(v0[j + 2]), s20);
        s30 = g3.fma(broadcast(v0[j + 3]), s30);
        s01 = g0.fma(broadcast(v1[j]), s01);
        s11 = g1.fma(broadcast(v1[j + 1]), s11);
        s21 = g2.fma(broadcast(v1[j + 2]), s21);
        s31 = g3.fma(broadcast(v1[j + 3]), s31);
        s02 = g0.fma(broadcast(v2[j]), s02);
        s12 = g1.fma(broadcast(v2[j + 1]), s12);
        s22 = g2.fma(broadcast(v2[j + 2]), s22);
        s32 = g3.fma(broadcast(v2[j + 3]), s32);
        s03 = g0.fma(broadcast(v3[j]), s03);
        s13 = g1.fma(broadcast(v3[j + 1]), s13);
        s23 = g2.fma(broadcast(v3[j + 2]), s23);
        s33 = g3.fma(broadcast(v3[j + 3]), s33);
      }
      for (; j < f; j++) {
        FloatVector g = FloatVector.fromArray(SPECIES, gram, j * f + d);
        s00 = g.fma(broadcast(v0[j]), s00);
        s01 = g.fma(broadcast(v1[j]), s01);
        s02 = g.fma(broadcast(v2[j]), s02);
        s03 = g.fma(broadcast(v3[j]), s03);
      }
      s00.add(s10).add(s20.add(s30)).intoArray(out[0], d);
      s01.add(s11).add(s21.add(s31)).intoArray(out[1], d);
      s02.add(s12).add(s22.add(s32)).intoArray(out[2], d);
      s03.add(s13).add(s23.add(s33)).intoArray(out[3], d);
    }
    for (; d < f; d++) {
      for (int q = 0; q < 4; q++) {
        float[] vq = v[q];
        float s = extraDiagonals[q] * vq[d];
        for (int j = 0; j < f; j++) {
          s += vq[j] * gram[j * f + d];
        }
        out[q][d] = s;
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
    int k = from;
    for (; k + 3 < to; k += 4) {
      int o0 = index[k] * f;
      int o1 = index[k + 1] * f;
      int o2 = index[k + 2] * f;
      int o3 = index[k + 3] * f;
      FloatVector a0 = FloatVector.zero(SPECIES);
      FloatVector a1 = FloatVector.zero(SPECIES);
      FloatVector a2 = FloatVector.zero(SPECIES);
      FloatVector a3 = FloatVector.zero(SPECIES);
      for (int d = 0; d < vectorEnd; d += LANES) {
        FloatVector vv = FloatVector.fromArray(SPECIES, v, d);
        a0 = FloatVector.fromArray(SPECIES, rows, o0 + d).fma(vv, a0);
        a1 = FloatVector.fromArray(SPECIES, rows, o1 + d).fma(vv, a1);
        a2 = FloatVector.fromArray(SPECIES, rows, o2 + d).fma(vv, a2);
        a3 = FloatVector.fromArray(SPECIES, rows, o3 + d).fma(vv, a3);
      }
      float c0 = conf[k + confShift];
      float c1 = conf[k + 1 + confShift];
      float c2 = conf[k + 2 + confShift];
      float c3 = conf[k + 3 + confShift];
      float t0 = sum(a0);
      float t1 = sum(a1);
      float t2 = sum(a2);
      float t3 = sum(a3);
      addFour(
          rows,
          o0,
          first * c0 + (c0 - 1) * (t0 + tailDot(rows, o0, v)) * second,
          o1,
          first * c1 + (c1 - 1) * (t1 + tailDot(rows, o1, v)) * second,
          o2,
          first * c2 + (c2 - 1) * (t2 + tailDot(rows, o2, v)) * second,
          o3,
          first * c3 + (c3 - 1) * (t3 + tailDot(rows, o3, v)) * second,
          out);
    }
    for (; k < to; k++) {
      int o = index[k] * f;
      float c = conf[k + confShift];
      addOne(rows, o, first * c + (c - 1) * dot(rows, o, v) * second, out);
    }
  }

  /** {@code out += s0 y[o0..] + s1 y[o1..] + s2 y[o2..] + s3 y[o3..]}, in that order. */
  private void addFour(
      float[] y,
      int o0,
      float s0,
      int o1,
      float s1,
      int o2,
      float s2,
      int o3,
      float s3,
      float[] out) {
    FloatVector b0 = broadcast(s0);
    FloatVector b1 = broadcast(s1);
    FloatVector b2 = broadcast(s2);
    FloatVector b3 = broadcast(s3);
    int d = 0;
    for (; d < vectorEnd; d += LANES) {
      FloatVector acc = FloatVector.fromArray(SPECIES, out, d);
      acc = FloatVector.fromArray(SPECIES, y, o0 + d).fma(b0, acc);
      acc = FloatVector.fromArray(SPECIES, y, o1 + d).fma(b1, acc);
      acc = FloatVector.fromArray(SPECIES, y, o2 + d).fma(b2, acc);
      acc = FloatVector.fromArray(SPECIES, y, o3 + d).fma(b3, acc);
      acc.intoArray(out, d);
    }
    for (; d < f; d++) {
      float acc = out[d];
      acc = Math.fma(y[o0 + d], s0, acc);
      acc = Math.fma(y[o1 + d], s1, acc);
      acc = Math.fma(y[o2 + d], s2, acc);
      acc = Math.fma(y[o3 + d], s3, acc);
      out[d] = acc;
    }
  }

  private void addOne(float[] y, int o, float s, float[] out) {
    FloatVector b = broadcast(s);
    int d = 0;
    for (; d < vectorEnd; d += LANES) {
      FloatVector.fromArray(SPECIES, y, o + d)
          .fma(b, FloatVector.fromArray(SPECIES, out, d))
          .intoArray(out, d);
    }
    for (; d < f; d++) {
      out[d] = Math.fma(y[o + d], s, out[d]);
    }
  }

  /** {@code u[uOff..] . v} over the elements after the last whole vector. */
  private float tailDot(float[] u, int uOff, float[] v) {
    float s = 0;
    for (int d = vectorEnd; d < f; d++) {
      s = Math.fma(u[uOff + d], v[d], s);
    }
    return s;
  }

  private float dot(float[] u, int uOff, float[] v) {
    FloatVector acc = FloatVector.zero(SPECIES);
    for (int d = 0; d < vectorEnd; d += LANES) {
      acc =
          FloatVector.fromArray(SPECIES, u, uOff + d)
              .fma(FloatVector.fromArray(SPECIES, v, d), acc);
    }
    return sum(acc) + tailDot(u, uOff, v);
  }

  @Override
  void gather(float[] y, int[] cols, int from, int to, float[] block, int blockRow) {
    // four rows' loads issued before their stores, so that their cache misses overlap
    int k = from;
    int g = blockRow * f;
    for (; k + 3 < to; k += 4, g += 4 * f) {
      int o0 = cols[k] * f;
      int o1 = cols[k + 1] * f;
      int o2 = cols[k + 2] * f;
      int o3 = cols[k + 3] * f;
      int d = 0;
      for (; d < vectorEnd; d += LANES) {
        FloatVector y0 = FloatVector.fromArray(SPECIES, y, o0 + d);
        FloatVector y1 = FloatVector.fromArray(SPECIES, y, o1 + d);
        FloatVector y2 = FloatVector.fromArray(SPECIES, y, o2 + d);
        FloatVector y3 = FloatVector.fromArray(SPECIES, y, o3 + d);
        y0.intoArray(block, g + d);
        y1.intoArray(block, g + f + d);
        y2.intoArray(block, g + 2 * f + d);
        y3.intoArray(block, g + 3 * f + d);
      }
      for (; d < f; d++) {
        block[g + d] = y[o0 + d];
        block[g + f + d] = y[o1 + d];
        block[g + 2 * f + d] = y[o2 + d];
        block[g + 3 * f + d] = y[o3 + d];
      }
    }
    for (; k < to; k++, g += f) {
      System.arraycopy(y, cols[k] * f, block, g, f);
    }
  }

  @Override
  float dot(float[] u, float[] v) {
    return dot(u, 0, v);
  }

  @Override
  void addScaled(float scale, float[] v, float[] out) {
    addOne(v, 0, scale, out);
  }

  @Override
  void direction(float[] r, float beta, float[] p) {
    FloatVector b = broadcast(beta);
    int d = 0;
    for (; d < vectorEnd; d += LANES) {
      FloatVector.fromArray(SPECIES, p, d)
          .fma(b, FloatVector.fromArray(SPECIES, r, d))
          .intoArray(p, d);
    }
    for (; d < f; d++) {
      p[d] = Math.fma(p[d], beta, r[d]);
    }
  }
}

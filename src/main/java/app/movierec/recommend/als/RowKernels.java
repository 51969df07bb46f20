package app.movierec.recommend.als;

/**
 * The vector arithmetic of one row's conjugate-gradient solve, on {@code f}-long float vectors: the
 * dense product with the Gram matrix and the sparse passes over the row's rated factor rows. Two
 * implementations give the same results up to float rounding: {@link SimdRowKernels} through the
 * JDK's Vector API (the incubator module {@code jdk.incubator.vector}, when the JVM was started
 * with {@code --add-modules jdk.incubator.vector}) and {@link ScalarRowKernels} in plain Java, used
 * when that module is absent.
 *
 * <p>Every sum is taken in an order fixed by {@code f} alone (never by the JIT's choice), so a row
 * gets the same bits whichever thread solves it and whether or not its code is compiled yet: that
 * is what keeps training bit-identical for any thread count.
 */
abstract class RowKernels {

  /** Whether the JVM has the Vector API module, i.e. whether {@link #forFactors} gives SIMD. */
  static final boolean SIMD_AVAILABLE =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && !Boolean.getBoolean("movierec.als.scalar");

  final int f;

  RowKernels(int f) {
    this.f = f;
  }

  /** The fastest kernels this JVM offers for {@code f}-long vectors. */
  static RowKernels forFactors(int f) {
    return SIMD_AVAILABLE ? simd(f) : new ScalarRowKernels(f);
  }

  /** The Vector API kernels; only call when {@link #SIMD_AVAILABLE}. */
  static RowKernels simd(int f) {
    // loaded only here, so that a JVM without the module never links against it
    return new SimdRowKernels(f);
  }

  /** Whether these are the Vector API kernels. */
  abstract boolean simd();

  /** {@code out = (G + extraDiagonal I) v} for the symmetric {@code f x f} row-major {@code G}. */
  abstract void gramTimes(float[] gram, float[] v, float extraDiagonal, float[] out);

  /**
   * {@link #gramTimes} for four vectors at once, {@code out[q] = (G + extraDiagonals[q] I) v[q]},
   * each with exactly the bits {@code gramTimes} gives it. Solving four short rows together, the
   * SIMD kernels read {@code G} (64 KB at 128 factors, more than L1 holds) once instead of four
   * times; this plain version just calls {@code gramTimes}.
   */
  void gramTimes4(float[] gram, float[][] v, float[] extraDiagonals, float[][] out) {
    for (int q = 0; q < 4; q++) {
      gramTimes(gram, v[q], extraDiagonals[q], out[q]);
    }
  }

  /**
   * One pass over the row's rated factor rows {@code y_j}, read from {@code rows} at {@code
   * index[k] * f} for {@code k} in {@code [from, to)}, with confidences {@code c_j = conf[k +
   * confShift]}: {@code out += (first c_j + (c_j - 1) (y_j . v) second) y_j}. With {@code (first,
   * second) = (1, -1)} and {@code v = x} that is the sparse part of the residual {@code Yt Cu p - A
   * x} of Hu, Koren & Volinsky; with {@code (0, 1)} and {@code v = p}, the sparse part of {@code A
   * p}. One kernel for both keeps the JIT's work (and its warm-up) to one method.
   */
  abstract void pass(
      float[] rows,
      int[] index,
      int from,
      int to,
      float[] conf,
      int confShift,
      float first,
      float second,
      float[] v,
      float[] out);

  /**
   * Copies rows {@code cols[from..to)} of {@code y} in order into {@code block}, from its row
   * {@code blockRow} on.
   */
  void gather(float[] y, int[] cols, int from, int to, float[] block, int blockRow) {
    for (int k = from; k < to; k++) {
      System.arraycopy(y, cols[k] * f, block, (blockRow + k - from) * f, f);
    }
  }

  /** Copies rows {@code cols[from..to)} of {@code y} in order into {@code block}. */
  final void gather(float[] y, int[] cols, int from, int to, float[] block) {
    gather(y, cols, from, to, block, 0);
  }

  /** {@code u . v} over {@code f} elements. */
  abstract float dot(float[] u, float[] v);

  /** {@code out += scale * v} over {@code f} elements. */
  abstract void addScaled(float scale, float[] v, float[] out);

  /** {@code p = r + beta * p}, the new search direction. */
  abstract void direction(float[] r, float beta, float[] p);
}

package app.movierec.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SIMD kernels compute what the plain-Java ones do, up to float rounding. */
class RowKernelsTest {

  private static final float TOLERANCE = 1e-4f;

  @Test
  void the_tests_run_with_the_vector_api_so_that_the_simd_kernels_are_tested() {
    // surefire passes --add-modules jdk.incubator.vector (movierec.jvm.args in the pom)
    assertThat(RowKernels.SIMD_AVAILABLE).isTrue();
    assertThat(RowKernels.forFactors(64).simd()).isTrue();
  }

  @ParameterizedTest(name = "f = {0}")
  @ValueSource(ints = {1, 3, 8, 16, 20, 64, 100, 128})
  void simd_and_scalar_kernels_agree(int f) {
    RowKernels simd = RowKernels.simd(f);
    RowKernels scalar = new ScalarRowKernels(f);
    SplittableRandom random = new SplittableRandom(f);
    int rows = 40;
    float[] y = randoms(random, rows * f);
    float[] gram = randoms(random, f * f);
    for (int i = 0; i < f; i++) {
      for (int j = 0; j < i; j++) {
        gram[i * f + j] = gram[j * f + i];
      }
    }
    float[] v = randoms(random, f);
    int[] cols = {7, 0, 39, 12, 12, 5, 33, 21, 2, 18, 30};
    float[] conf = randoms(random, cols.length + 3);
    for (int k = 0; k < conf.length; k++) {
      conf[k] = 1 + 5 * conf[k];
    }

    assertThat(result(simd, (k, out) -> k.gramTimes(gram, v, 0.7f, out)))
        .usingComparatorWithPrecision(TOLERANCE)
        .containsExactly(result(scalar, (k, out) -> k.gramTimes(gram, v, 0.7f, out)));
    for (float[] mode : new float[][] {{1, -1}, {0, 1}}) {
      // rows 1..10 of cols, confidences shifted by 3: the residual and the product pass
      assertThat(
              result(simd, (k, out) -> k.pass(y, cols, 1, 11, conf, 3, mode[0], mode[1], v, out)))
          .usingComparatorWithPrecision(TOLERANCE)
          .containsExactly(
              result(
                  scalar, (k, out) -> k.pass(y, cols, 1, 11, conf, 3, mode[0], mode[1], v, out)));
    }
    assertThat(simd.dot(v, y)).isCloseTo(scalar.dot(v, y), within(TOLERANCE));
    assertThat(result(simd, (k, out) -> k.addScaled(0.3f, v, out)))
        .usingComparatorWithPrecision(TOLERANCE)
        .containsExactly(result(scalar, (k, out) -> k.addScaled(0.3f, v, out)));
    assertThat(result(simd, (k, out) -> k.direction(v, 0.6f, out)))
        .usingComparatorWithPrecision(TOLERANCE)
        .containsExactly(result(scalar, (k, out) -> k.direction(v, 0.6f, out)));
    float[] simdBlock = new float[cols.length * f];
    float[] scalarBlock = new float[cols.length * f];
    simd.gather(y, cols, 2, 9, simdBlock);
    scalar.gather(y, cols, 2, 9, scalarBlock);
    assertThat(simdBlock).containsExactly(scalarBlock);
    assertThat(simdBlock).startsWith(Arrays.copyOfRange(y, 39 * f, 40 * f));
  }

  @Test
  void a_row_gives_the_same_bits_whether_gathered_or_read_in_place() {
    // long rows skip the gathered block; the arithmetic, and so the result, must not change
    int f = 24;
    SplittableRandom random = new SplittableRandom(3);
    float[] y = randoms(random, 50 * f);
    float[] gram = new float[f * f];
    for (int d = 0; d < f; d++) {
      gram[d * f + d] = 3;
    }
    int[] cols = {4, 9, 17, 30, 31, 44, 2};
    float[] conf = {2, 3, 4.5f, 1.5f, 8, 2, 6};
    RowKernels kernels = RowKernels.forFactors(f);
    float[] gathered = new float[f];
    float[] inPlace = new float[f];
    float[] block = new float[cols.length * f];
    int[] identity = {0, 1, 2, 3, 4, 5, 6};
    float[] x = randoms(random, f);
    kernels.gather(y, cols, 0, cols.length, block);
    kernels.pass(block, identity, 0, cols.length, conf, 0, 1, -1, x, gathered);
    kernels.pass(y, cols, 0, cols.length, conf, 0, 1, -1, x, inPlace);

    assertThat(gathered).containsExactly(inPlace);
  }

  /** Runs {@code call} on {@code kernels} with an output vector prefilled alike for both. */
  private static float[] result(RowKernels kernels, BiConsumer<RowKernels, float[]> call) {
    float[] out = randoms(new SplittableRandom(99), kernels.f);
    call.accept(kernels, out);
    return out;
  }

  private static float[] randoms(SplittableRandom random, int n) {
    float[] values = new float[n];
    for (int k = 0; k < n; k++) {
      values[k] = (float) random.nextDouble() - 0.5f;
    }
    return values;
  }
}

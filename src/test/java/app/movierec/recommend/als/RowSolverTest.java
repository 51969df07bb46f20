package app.movierec.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowSolverTest {

  @ParameterizedTest(name = "simd={0}")
  @ValueSource(booleans = {true, false})
  void long_rows_solved_in_a_batch_get_the_same_bits_as_solved_one_by_one(boolean simd) {
    int f = 64;
    int columns = 6000; // several column ranges of the batched passes
    SplittableRandom random = new SplittableRandom(8);
    float[] y = new float[columns * f];
    for (int k = 0; k < y.length; k++) {
      y[k] = (float) (random.nextDouble() * 0.2 - 0.1);
    }
    float[] gram = new float[f * f];
    for (int d = 0; d < f; d++) {
      gram[d * f + d] = 30;
    }
    // five rows longer than the gathered block, of lengths that are and are not multiples of four
    int[] lengths = {2100, 2101, 2503, 3000, 2049};
    int[] offsets = new int[lengths.length + 1];
    for (int row = 0; row < lengths.length; row++) {
      offsets[row + 1] = offsets[row] + lengths[row];
    }
    int[] cols = new int[offsets[lengths.length]];
    float[] conf = new float[cols.length];
    for (int row = 0; row < lengths.length; row++) {
      int[] chosen = random.ints(0, columns).distinct().limit(lengths[row]).sorted().toArray();
      System.arraycopy(chosen, 0, cols, offsets[row], chosen.length);
    }
    for (int k = 0; k < conf.length; k++) {
      conf[k] = 1 + 0.5f * (1 + random.nextInt(10));
    }
    float[] start = new float[lengths.length * f];
    for (int k = 0; k < start.length; k++) {
      start[k] = (float) (random.nextDouble() * 0.01);
    }
    float[] extra = {0, 0.5f, 0, 2, 0};
    RowSolver solver =
        new RowSolver(
            simd && RowKernels.SIMD_AVAILABLE ? RowKernels.simd(f) : new ScalarRowKernels(f));
    assertThat(solver.gathers(2049)).isFalse();

    float[] oneByOne = start.clone();
    for (int row = 0; row < lengths.length; row++) {
      solver.extraDiagonal(extra[row]);
      solver.conjugateGradient(
          oneByOne, row * f, y, gram, cols, conf, offsets[row], offsets[row + 1], 3);
    }
    float[] batched = start.clone();
    int[] rows = {9, 0, 1, 2, 3, 4}; // the batch is rows[1..6)
    solver.conjugateGradient(batched, rows, 1, 5, y, gram, offsets, cols, conf, 3, extra);

    assertThat(batched).isEqualTo(oneByOne).isNotEqualTo(start);
    assertThat(Arrays.stream(toDoubles(batched)).allMatch(Double::isFinite)).isTrue();
  }

  @ParameterizedTest(name = "f={0}")
  @ValueSource(ints = {128, 21})
  void four_short_rows_solved_together_get_the_same_bits_as_solved_one_by_one(int f) {
    SplittableRandom random = new SplittableRandom(f);
    int columns = 300;
    float[] y = new float[columns * f];
    for (int k = 0; k < y.length; k++) {
      y[k] = (float) (random.nextDouble() * 0.2 - 0.1);
    }
    // a random symmetric positive-definite Gram matrix
    float[] gram = new float[f * f];
    for (int i = 0; i < f; i++) {
      for (int j = 0; j <= i; j++) {
        float value = (float) (random.nextDouble() * 0.1);
        gram[i * f + j] = value;
        gram[j * f + i] = value;
      }
      gram[i * f + i] += f;
    }
    int[] lengths = {1, 7, 40, 3, 12, 5, 9, 2};
    int[] offsets = new int[lengths.length + 1];
    for (int row = 0; row < lengths.length; row++) {
      offsets[row + 1] = offsets[row] + lengths[row];
    }
    int[] cols = new int[offsets[lengths.length]];
    float[] conf = new float[cols.length];
    for (int row = 0; row < lengths.length; row++) {
      int[] chosen = random.ints(0, columns).distinct().limit(lengths[row]).sorted().toArray();
      System.arraycopy(chosen, 0, cols, offsets[row], chosen.length);
    }
    for (int k = 0; k < conf.length; k++) {
      conf[k] = 1 + 0.5f * (1 + random.nextInt(10));
    }
    float[] start = new float[lengths.length * f];
    for (int k = 0; k < start.length; k++) {
      start[k] = (float) (random.nextDouble() * 0.01);
    }
    float[] extra = {0, 0.5f, 0, 2, 1, 0, 3, 0};
    for (RowKernels kernels : kernelsFor(f)) {
      RowSolver solver = new RowSolver(kernels);
      float[] oneByOne = start.clone();
      for (int row = 0; row < lengths.length; row++) {
        solver.extraDiagonal(extra[row]);
        solver.conjugateGradient(
            oneByOne, row * f, y, gram, cols, conf, offsets[row], offsets[row + 1], 3);
      }
      float[] grouped = start.clone();
      for (int first = 0; first < lengths.length; first += 4) {
        assertThat(
                solver.groups(
                    lengths[first], lengths[first + 1], lengths[first + 2], lengths[first + 3]))
            .isTrue();
        float[] extras = java.util.Arrays.copyOfRange(extra, first, first + 4);
        solver.conjugateGradient4(grouped, first, y, gram, offsets, cols, conf, 3, extras);
      }

      assertThat(grouped).as("simd=%s", kernels.simd()).isEqualTo(oneByOne).isNotEqualTo(start);
    }
  }

  @org.junit.jupiter.api.Test
  void rows_are_grouped_only_when_none_is_empty_and_all_four_fit_the_block() {
    RowSolver solver = new RowSolver(new ScalarRowKernels(128));
    int blockRows = RowSolver.GATHER_BYTES / Float.BYTES / 128;

    assertThat(solver.groups(1, 1, 1, 1)).isTrue();
    assertThat(solver.groups(blockRows - 3, 1, 1, 1)).isTrue();
    assertThat(solver.groups(blockRows - 2, 1, 1, 1)).isFalse();
    assertThat(solver.groups(5, 0, 5, 5)).isFalse();
  }

  private static java.util.List<RowKernels> kernelsFor(int f) {
    return RowKernels.SIMD_AVAILABLE
        ? java.util.List.of(RowKernels.simd(f), new ScalarRowKernels(f))
        : java.util.List.of(new ScalarRowKernels(f));
  }

  private static double[] toDoubles(float[] values) {
    double[] result = new double[values.length];
    for (int k = 0; k < values.length; k++) {
      result[k] = values[k];
    }
    return result;
  }
}

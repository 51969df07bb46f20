package app.movierec.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The serving kernels: the SIMD ones (the tests run with the Vector API module) agree with the
 * plain-Java ones and with a double-precision sum, for lengths that are and are not whole vectors,
 * and write each row's score where its target says.
 */
class RowScoresTest {

  @Test
  void the_tests_get_the_simd_kernels() {
    assertThat(RowScores.fastest().simd()).isTrue();
    assertThat(RowScores.scalar().simd()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 128, 1128})
  void every_row_gets_its_dot_product_in_both_kernels(int dim) {
    SplittableRandom random = new SplittableRandom(dim);
    int rows = 37;
    float[] matrix = randomFloats(random, rows * dim);
    float[] query = randomFloats(random, dim);

    float[] simd = new float[rows];
    float[] scalar = new float[rows];
    RowScores.fastest().scoreRows(matrix, rows, dim, query, null, simd);
    RowScores.scalar().scoreRows(matrix, rows, dim, query, null, scalar);

    for (int r = 0; r < rows; r++) {
      double exact = 0;
      for (int d = 0; d < dim; d++) {
        exact += (double) matrix[r * dim + d] * query[d];
      }
      double tolerance = 1e-5 * dim;
      assertThat((double) simd[r]).as("row %d, SIMD", r).isCloseTo(exact, within(tolerance));
      assertThat((double) scalar[r]).as("row %d, scalar", r).isCloseTo(exact, within(tolerance));
    }
  }

  @Test
  void targets_place_each_rows_score_and_leave_the_rest_alone() {
    float[] matrix = {1, 0, 0, 1, 2, 2}; // three rows of two
    float[] query = {3, 5};
    float[] out = {-1, -1, -1, -1, -1};

    RowScores.fastest().scoreRows(matrix, 3, 2, query, new int[] {4, 0, 2}, out);

    assertThat(out).containsExactly(5, -1, 16, -1, 3);
  }

  @Test
  void a_query_shorter_than_the_rows_is_refused() {
    assertThatThrownBy(
            () ->
                RowScores.fastest().scoreRows(new float[8], 2, 4, new float[3], null, new float[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a query of 4 floats");
  }

  private static float[] randomFloats(SplittableRandom random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }
}

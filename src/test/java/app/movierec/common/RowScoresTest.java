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

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 9, 13})
  void a_batch_of_queries_gets_what_each_query_gets_alone(int count) {
    for (int dim : new int[] {3, 8, 17, 128, 1128}) {
      SplittableRandom random = new SplittableRandom(31L * count + dim);
      int rows = 11;
      float[] matrix = randomFloats(random, rows * dim);
      int[] targets = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
      float[][] queries = new float[count + 2][]; // longer than count: the rest is ignored
      float[][] outs = new float[count + 2][rows];
      for (int q = 0; q < queries.length; q++) {
        queries[q] = randomFloats(random, dim);
      }
      for (RowScores kernel : new RowScores[] {RowScores.fastest(), RowScores.scalar()}) {
        kernel.scoreRows(matrix, rows, dim, queries, count, targets, outs);
        for (int q = 0; q < count; q++) {
          float[] alone = new float[rows];
          RowScores.scalar().scoreRows(matrix, rows, dim, queries[q], targets, alone);
          for (int r = 0; r < rows; r++) {
            assertThat(outs[q][r])
                .as("query %d of %d, dim %d, place %d, SIMD %b", q, count, dim, r, kernel.simd())
                .isCloseTo(alone[r], within(1e-5f * dim));
          }
        }
        assertThat(outs[count]).as("queries past count are not scored").containsOnly(0f);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13})
  void a_prepared_matrix_scores_every_row_like_the_row_major_one(int count) {
    // row counts around the SIMD panels' sizes (8 or 16 rows, scored two panels at a time)
    for (int rows : new int[] {1, 7, 16, 31, 32, 33, 70}) {
      for (int dim : new int[] {1, 3, 17, 128, 1128}) {
        SplittableRandom random = new SplittableRandom(1000L * count + 10L * rows + dim);
        float[] matrix = randomFloats(random, rows * dim);
        int[] targets = new int[rows];
        for (int r = 0; r < rows; r++) {
          targets[r] = 2 * (rows - 1 - r) + 1; // reversed, every other place
        }
        float[][] queries = new float[count + 1][];
        for (int q = 0; q < queries.length; q++) {
          queries[q] = randomFloats(random, dim);
        }
        for (RowScores kernel : new RowScores[] {RowScores.fastest(), RowScores.scalar()}) {
          for (int[] placing : new int[][] {null, targets}) {
            float[][] outs = new float[count + 1][2 * rows + 1];
            kernel.prepare(matrix, rows, dim).scoreRows(queries, count, placing, outs);
            for (int q = 0; q < count; q++) {
              float[] alone = new float[2 * rows + 1];
              RowScores.scalar().scoreRows(matrix, rows, dim, queries[q], placing, alone);
              assertThat(outs[q])
                  .as("query %d of %d, %d x %d, SIMD %b", q, count, rows, dim, kernel.simd())
                  .containsExactly(alone, within(1e-5f * dim));
            }
            assertThat(outs[count]).as("queries past count are not scored").containsOnly(0f);
          }
        }
      }
    }
  }

  @Test
  void a_prepared_matrix_refuses_a_short_query_and_a_short_matrix() {
    RowScores.Prepared prepared = RowScores.fastest().prepare(new float[8], 2, 4);
    assertThatThrownBy(
            () -> prepared.scoreRows(new float[][] {new float[3]}, 1, null, new float[1][2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a query of 4 floats");
    assertThatThrownBy(() -> RowScores.fastest().prepare(new float[7], 2, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 8 floats");
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

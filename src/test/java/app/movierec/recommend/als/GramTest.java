package app.movierec.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GramTest {

  @Test
  void the_gram_matrix_summed_over_blocks_of_rows_is_yty_plus_lambda_i() {
    int f = 3;
    int rows = 2 * Gram.ROWS_PER_BLOCK + 5; // two full blocks and a short one
    SplittableRandom random = new SplittableRandom(4);
    float[] y = new float[rows * f];
    for (int k = 0; k < y.length; k++) {
      y[k] = (float) random.nextDouble() - 0.5f;
    }
    float[] expected = new float[f * f];
    for (int i = 0; i < f; i++) {
      for (int j = 0; j < f; j++) {
        double sum = i == j ? 2.5 : 0;
        for (int row = 0; row < rows; row++) {
          sum += (double) y[row * f + i] * y[row * f + j];
        }
        expected[i * f + j] = (float) sum;
      }
    }

    assertThat(Gram.of(y, rows, f, 2.5))
        .usingComparatorWithPrecision(1e-2f)
        .containsExactly(expected);
    assertThat(Gram.of(new float[0], 0, f, 2.5))
        .containsExactly(2.5f, 0, 0, 0, 2.5f, 0, 0, 0, 2.5f);
  }
}

package app.movierec.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopNTest {

  @Test
  void selects_the_best_rows_best_first() {
    float[] scores = {0.1f, 0.9f, 0.5f, 0.7f, 0.3f};

    assertThat(TopN.select(scores, null, 3)).containsExactly(1, 3, 2);
  }

  @Test
  void skips_excluded_rows_and_nan_scores() {
    double[] scores = {0.1, 0.9, Double.NaN, 0.7, 0.3};

    assertThat(TopN.select(scores, new boolean[] {false, true, false, false, false}, 10))
        .containsExactly(3, 4, 0);
  }

  @Test
  void breaks_ties_by_the_lower_row() {
    float[] scores = {0.5f, 0.5f, 0.9f, 0.5f, 0.5f};

    assertThat(TopN.select(scores, null, 3)).containsExactly(2, 0, 1);
  }

  @Test
  void asks_for_nothing_and_gets_nothing() {
    assertThat(TopN.select(new float[] {1, 2}, null, 0)).isEmpty();
    assertThat(TopN.select(new float[0], null, 5)).isEmpty();
  }
}

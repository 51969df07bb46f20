package app.movierec.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.recommend.EngineTestData;
import app.movierec.recommend.TrainingData;
import app.movierec.recommend.als.AlsConfig;
import org.junit.jupiter.api.Test;

/**
 * The cold-start protocol on the checkerboard: folded-in new users still find their side of the
 * board.
 */
class ColdStartComparisonTest {

  private static final TrainingData DATA = EngineTestData.checkerboard();
  private static final AlsConfig CONFIG =
      AlsConfig.defaults().withFactors(4).withRegularization(0.1).withAlpha(2).withIterations(10);

  @Test
  void cold_users_are_left_out_of_training_and_folded_in_from_their_given_ratings() {
    ColdStartComparison.Report report =
        ColdStartComparison.run(DATA, 3, 0.25, 7, CONFIG, 3, new double[] {0.0, 0.5, 1.0});

    assertThat(report.coldUsers()).isEqualTo(5);
    assertThat(report.trainingUsers()).isEqualTo(EngineTestData.CHECKERBOARD_USERS - 5);
    assertThat(report.results())
        .extracting(Evaluator.Result::name)
        .containsExactly(
            "popularity", "als", "content", "hybrid@0.00", "hybrid@0.50", "hybrid@1.00");
    Evaluator.Result als = report.results().get(1);
    Evaluator.Result content = report.results().get(2);
    assertThat(als.users()).isEqualTo(5);
    // 6 of the 17 unrated movies are relevant (random lists score about 0.35); both models find the
    // user's parity
    assertThat(als.precision()).as("ALS fold-in from 3 ratings").isGreaterThan(0.6);
    assertThat(content.precision()).as("content profile from 3 ratings").isGreaterThan(0.6);
  }

  @Test
  void the_same_seed_gives_the_same_figures() {
    var first = ColdStartComparison.run(DATA, 3, 0.25, 7, CONFIG, 3, new double[] {0.5});
    var second = ColdStartComparison.run(DATA, 3, 0.25, 7, CONFIG, 3, new double[] {0.5});
    assertThat(second.results()).isEqualTo(first.results());
  }

  @Test
  void rejects_a_given_count_below_one() {
    assertThatThrownBy(
            () -> ColdStartComparison.run(DATA, 0, 0.25, 7, CONFIG, 3, new double[] {0.5}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

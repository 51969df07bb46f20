package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.common.TrainingData;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.eval.ColdUserSplit;
import app.movierec.recommend.eval.Evaluator;
import app.movierec.recommend.eval.TrainTestSplit;
import org.junit.jupiter.api.Test;

/**
 * The offline protocols on the checkerboard, where the right answers are known: every model but
 * popularity finds the user's side of the board, held-out users included.
 */
class ModelEvaluationTest {

  private static final TrainingData DATA = EngineTestData.checkerboard();
  private static final HybridTrainer TRAINER =
      new HybridTrainer(
          AlsConfig.defaults()
              .withFactors(4)
              .withRegularization(0.1)
              .withAlpha(2)
              .withIterations(10));

  @Test
  void the_holdout_scores_every_model_and_finds_the_held_out_movies() {
    TrainTestSplit split = TrainTestSplit.of(DATA, 0.25, 3);

    ModelEvaluation.Report report =
        ModelEvaluation.holdout(split, TRAINER, 3, new double[] {0.0, 0.5, 1.0});

    assertThat(report.results())
        .extracting(Evaluator.Result::name)
        .containsExactly(
            "popularity", "als", "content", "hybrid", "hybrid@0.00", "hybrid@0.50", "hybrid@1.00");
    assertThat(report.byName("als").users()).isEqualTo(EngineTestData.CHECKERBOARD_USERS);
    // each user's test movies all lie on their side of the board, as do a good model's picks
    assertThat(report.byName("als").precision()).isGreaterThan(0.5);
    assertThat(report.byName("hybrid@0.50").precision()).isGreaterThan(0.5);
    assertThat(report.byName("als").precision())
        .isGreaterThan(report.byName("popularity").precision());
  }

  @Test
  void cold_users_are_left_out_of_training_and_folded_in_from_their_given_ratings() {
    ColdUserSplit split = ColdUserSplit.of(DATA, 3, 0.25, 7);

    ModelEvaluation.Report report =
        ModelEvaluation.coldUsers(split, TRAINER, 3, new double[] {0.0, 0.5, 1.0});

    assertThat(split.coldUsers()).hasSize(5);
    assertThat(split.given().values()).allSatisfy(given -> assertThat(given.size()).isEqualTo(3));
    assertThat(report.trainingUsers()).isEqualTo(EngineTestData.CHECKERBOARD_USERS - 5);
    Evaluator.Result als = report.byName("als");
    Evaluator.Result content = report.byName("content");
    assertThat(als.users()).isEqualTo(5);
    // 6 of the 17 unrated movies are relevant (random lists score about 0.35); both models find
    // the user's parity
    assertThat(als.precision()).as("ALS fold-in from 3 ratings").isGreaterThan(0.6);
    assertThat(content.precision()).as("content profile from 3 ratings").isGreaterThan(0.6);
  }

  @Test
  void the_same_seed_gives_the_same_figures() {
    var first =
        ModelEvaluation.coldUsers(
            ColdUserSplit.of(DATA, 3, 0.25, 7), TRAINER, 3, new double[] {0.5});
    var second =
        ModelEvaluation.coldUsers(
            ColdUserSplit.of(DATA, 3, 0.25, 7), TRAINER, 3, new double[] {0.5});
    assertThat(second.results()).isEqualTo(first.results());
  }

  @Test
  void rejects_a_given_count_below_one() {
    assertThatThrownBy(() -> ColdUserSplit.of(DATA, 0, 0.25, 7))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package app.movierec.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.movierec.common.ProgressListener;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import app.movierec.recommend.EngineTestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlsTrainerTest {

  // two factors: the checkerboard has rank two; with spare factors and little regularization ALS
  // starts fitting the withheld zeros themselves, and which of those near-equivalent solutions it
  // reaches depends on float rounding
  private static final AlsConfig SMALL =
      AlsConfig.defaults().withFactors(2).withRegularization(0.1).withAlpha(2).withIterations(10);

  private static final TrainingData CHECKERBOARD = EngineTestData.checkerboard();
  private static final AlsModel MODEL =
      new AlsTrainer(SMALL).train(CHECKERBOARD, ProgressListener.NONE);

  @ParameterizedTest(name = "regularization scaled by rating count: {0}")
  @ValueSource(booleans = {false, true})
  void recommends_withheld_movie_first(boolean scaleRegularization) {
    AlsModel model =
        scaleRegularization
            ? new AlsTrainer(SMALL.withScaleRegularization(true).withRegularization(0.05))
                .train(CHECKERBOARD, ProgressListener.NONE)
            : MODEL;
    for (int userId = 1; userId <= EngineTestData.CHECKERBOARD_USERS; userId++) {
      List<ScoredMovie> top = model.recommend(EngineTestData.historyOf(CHECKERBOARD, userId), 3);
      assertThat(top.getFirst().movieId())
          .as("user %d", userId)
          .isEqualTo(EngineTestData.withheldMovie(userId));
    }
  }

  @Test
  void never_recommends_a_rated_movie() {
    for (int userId = 1; userId <= EngineTestData.CHECKERBOARD_USERS; userId++) {
      int parity = userId % 2;
      List<ScoredMovie> all = MODEL.recommend(EngineTestData.historyOf(CHECKERBOARD, userId), 100);
      // 20 movies, 9 rated: 11 left, of which exactly one has the user's parity
      assertThat(all).hasSize(11);
      assertThat(all)
          .filteredOn(m -> m.movieId() % 2 == parity)
          .extracting(ScoredMovie::movieId)
          .containsExactly(EngineTestData.withheldMovie(userId));
    }
  }

  @Test
  void same_seed_gives_identical_factors_and_another_seed_does_not() {
    AlsModel again = new AlsTrainer(SMALL, 1).train(CHECKERBOARD, ProgressListener.NONE);
    AlsModel other = new AlsTrainer(SMALL.withSeed(7)).train(CHECKERBOARD, ProgressListener.NONE);

    assertThat(again.userFactorMatrix()).containsExactly(MODEL.userFactorMatrix());
    assertThat(again.itemFactorMatrix()).containsExactly(MODEL.itemFactorMatrix());
    assertThat(other.itemFactorMatrix()).isNotEqualTo(MODEL.itemFactorMatrix());
  }

  @Test
  void same_seed_gives_identical_factors_for_any_thread_count() {
    // 7000 users over 60 movies: the most popular movies have more ratings than fit the gathered
    // block at 64 factors, so both ways of reading a row are covered
    TrainingData data = EngineTestData.randomLongTail(7000, 60, 4, 0, 11);
    AlsConfig config = AlsConfig.defaults().withFactors(64).withIterations(3);
    RatingMatrix matrix = RatingMatrix.of(data, config);
    int longest = 0;
    for (int itemRow = 0; itemRow < matrix.items().size(); itemRow++) {
      longest = Math.max(longest, matrix.itemOffsets[itemRow + 1] - matrix.itemOffsets[itemRow]);
    }
    assertThat(longest).isGreaterThan(RowSolver.GATHER_BYTES / Float.BYTES / 64);

    AlsModel one = new AlsTrainer(config, 1).train(matrix, ProgressListener.NONE);
    for (int threads : new int[] {2, 3}) {
      AlsModel more = new AlsTrainer(config, threads).train(matrix, ProgressListener.NONE);
      // isEqualTo compares float arrays bit for bit in linear time (containsExactly is quadratic)
      assertThat(more.userFactorMatrix())
          .as("%d threads", threads)
          .isEqualTo(one.userFactorMatrix());
      assertThat(more.itemFactorMatrix())
          .as("%d threads", threads)
          .isEqualTo(one.itemFactorMatrix());
    }
  }

  @ParameterizedTest(name = "{0} factors")
  @ValueSource(ints = {20, 64})
  void simd_and_scalar_kernels_train_the_same_factors_up_to_float_rounding(int factors) {
    TrainingData data = EngineTestData.randomLongTail(300, 80, 15, 0, 5);
    AlsConfig config = AlsConfig.defaults().withFactors(factors).withIterations(5);

    AlsModel simd = new AlsTrainer(config, 2, RowKernels::simd).train(data, ProgressListener.NONE);
    AlsModel scalar =
        new AlsTrainer(config, 2, ScalarRowKernels::new).train(data, ProgressListener.NONE);

    assertThat(largestDifference(simd.itemFactorMatrix(), scalar.itemFactorMatrix()))
        .isLessThan(1e-4f);
    assertThat(largestDifference(simd.userFactorMatrix(), scalar.userFactorMatrix()))
        .isLessThan(1e-4f);
  }

  @Test
  void conjugate_gradient_with_enough_steps_matches_exact_solves() {
    TrainingData data = EngineTestData.randomLongTail(60, 40, 12, 0, 8);
    AlsConfig exact =
        AlsConfig.defaults()
            .withFactors(8)
            .withRegularization(1)
            .withAlpha(2)
            .withIterations(4)
            .withCgSteps(0);

    AlsModel cg = new AlsTrainer(exact.withCgSteps(40)).train(data, ProgressListener.NONE);
    AlsModel solved = new AlsTrainer(exact).train(data, ProgressListener.NONE);

    assertThat(cg.itemFactorMatrix())
        .usingComparatorWithPrecision(1e-3f)
        .containsExactly(solved.itemFactorMatrix());
    assertThat(cg.userFactorMatrix())
        .usingComparatorWithPrecision(1e-3f)
        .containsExactly(solved.userFactorMatrix());
  }

  @Test
  void training_on_no_ratings_gives_an_empty_model_that_answers_nothing() {
    TrainingData empty = CHECKERBOARD.withRatings("empty", new int[0], new int[0], new float[0]);

    AlsModel model = new AlsTrainer(SMALL).train(empty, ProgressListener.NONE);

    assertThat(model.users().size()).isZero();
    assertThat(model.recommend(EngineTestData.historyOf(CHECKERBOARD, 1), 5)).isEmpty();
    assertThat(model.recommend(model.foldIn(EngineTestData.anonymous(1, 5)), 5)).isEmpty();
  }

  @Test
  void reports_every_iteration_in_order() {
    List<String> seen = new ArrayList<>();
    new AlsTrainer(SMALL.withIterations(3))
        .train(CHECKERBOARD, (phase, fraction) -> seen.add(phase + " " + fraction));

    assertThat(seen)
        .containsExactly(
            "ALS iteration 1 of 3 " + 1 / 3.0,
            "ALS iteration 2 of 3 " + 2 / 3.0,
            "ALS iteration 3 of 3 1.0");
  }

  @ParameterizedTest(name = "regularization scaled by rating count: {0}")
  @ValueSource(booleans = {false, true})
  void fold_in_of_a_users_own_history_reproduces_their_top_picks(boolean scaleRegularization) {
    TrainingData data = EngineTestData.randomLongTail(120, 80, 25, 0, 3);
    AlsConfig config =
        AlsConfig.defaults()
            .withFactors(8)
            .withRegularization(scaleRegularization ? 0.05 : 1)
            .withAlpha(2)
            .withCgSteps(0)
            .withScaleRegularization(scaleRegularization);
    AlsModel model = new AlsTrainer(config).train(data, ProgressListener.NONE);
    for (int userId = 1; userId <= 10; userId++) {
      UserHistory history = EngineTestData.historyOf(data, userId);
      AlsModel.UserVector folded = model.foldIn(history);
      AlsModel.UserVector trained = model.trainedVector(userId).orElseThrow();

      assertThat(ids(model.recommend(folded, 10)))
          .as("user %d", userId)
          .containsExactlyElementsOf(ids(model.recommend(trained, 10)));
      assertThat(folded.factors())
          .usingComparatorWithPrecision(1e-3f)
          .containsExactly(trained.factors());
    }
  }

  @Test
  void fold_in_ignores_unknown_movies_and_gives_zeros_without_known_ones() {
    AlsModel.UserVector nobody = MODEL.foldIn(EngineTestData.anonymous(999, 5));

    assertThat(nobody.ratedItemRows()).isEmpty();
    assertThat(nobody.factors()).containsOnly(0f);
    assertThat(
            MODEL
                    .recommend(MODEL.foldIn(EngineTestData.anonymous(2, 5, 999, 4)), 1)
                    .getFirst()
                    .movieId()
                % 2)
        .isZero();
  }

  @Test
  void unknown_ids_give_empty_results() {
    assertThat(MODEL.trainedVector(999)).isEmpty();
    assertThat(MODEL.trainedVector(-1)).isEmpty();
    assertThat(MODEL.similarMovies(999, 5)).isEmpty();
    assertThat(MODEL.similarities(999)).isEmpty();
    assertThat(MODEL.explain(MODEL.foldIn(EngineTestData.anonymous(999, 4)), 2, 5)).isEmpty();
    assertThat(MODEL.explain(MODEL.trainedVector(2).orElseThrow(), 999, 5)).isEmpty();
  }

  @Test
  void a_users_exact_training_history_uses_the_trained_vector_and_anything_else_is_folded_in() {
    UserHistory trainedWith = EngineTestData.historyOf(CHECKERBOARD, 2);
    float[] trained = MODEL.trainedVector(2).orElseThrow().factors();

    assertThat(MODEL.userVector(trainedWith).factors()).containsExactly(trained);
    // a new rating since training, or the same ratings under another user, is folded in
    UserHistory rated = trainedWith.with(EngineTestData.withheldMovie(2), 5);
    assertThat(MODEL.userVector(rated).factors()).isNotEqualTo(trained);
    assertThat(MODEL.userVector(rated).ratedItemRows()).hasSize(trainedWith.size() + 1);
    assertThat(MODEL.userVector(trainedWith.forUser(UserHistory.ANONYMOUS)).factors())
        .isEqualTo(MODEL.foldIn(trainedWith).factors());
  }

  @Test
  void similar_movies_share_the_parity_and_exclude_the_movie_itself() {
    List<ScoredMovie> similar = MODEL.similarMovies(4, 5);

    assertThat(similar)
        .hasSize(5)
        .extracting(ScoredMovie::movieId)
        .doesNotContain(4)
        .allMatch(movieId -> movieId % 2 == 0);
    assertThat(similar.getFirst().score()).isLessThanOrEqualTo(1.0 + 1e-6);
  }

  @Test
  void explanations_come_from_the_users_own_movies_and_add_up_to_the_exact_score() {
    int userId = 2;
    int withheld = EngineTestData.withheldMovie(userId);
    AlsModel.UserVector exact = MODEL.foldIn(EngineTestData.historyOf(CHECKERBOARD, userId));
    List<ScoredMovie> explanation = MODEL.explain(exact, withheld, 100);

    assertThat(explanation)
        .hasSize(9)
        .extracting(ScoredMovie::movieId)
        .allMatch(movieId -> movieId % 2 == 0);
    double sum = explanation.stream().mapToDouble(ScoredMovie::score).sum();
    int itemRow = MODEL.movies().rowOf(withheld);
    assertThat(sum).isCloseTo(MODEL.scores(exact.factors())[itemRow], within(1e-4));
  }

  @Test
  void stops_with_a_clear_error_when_factors_stop_being_finite() {
    AlsConfig exploding = SMALL.withAlpha(1e30).withRegularization(0);

    assertThatThrownBy(() -> new AlsTrainer(exploding).train(CHECKERBOARD, ProgressListener.NONE))
        .isInstanceOf(AlsTrainer.DivergedException.class)
        .hasMessageContaining("ALS diverged")
        .hasMessageContaining("iteration 1 of 10");
  }

  @Test
  void refuses_a_rating_matrix_built_for_another_confidence() {
    RatingMatrix matrix = RatingMatrix.of(CHECKERBOARD, SMALL.withAlpha(40));

    assertThatThrownBy(() -> new AlsTrainer(SMALL).train(matrix, ProgressListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("built with alpha 40.0");
  }

  @Test
  void rejects_ratings_that_are_not_numbers() {
    TrainingData broken =
        CHECKERBOARD.withRatings("broken", new int[] {1}, new int[] {1}, new float[] {Float.NaN});

    assertThatThrownBy(() -> new AlsTrainer(SMALL).train(broken, ProgressListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rating of user 1 for movie 1 is not a number");
  }

  private static float largestDifference(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    float largest = 0;
    for (int k = 0; k < a.length; k++) {
      largest = Math.max(largest, Math.abs(a[k] - b[k]));
    }
    return largest;
  }

  private static List<Integer> ids(List<ScoredMovie> scores) {
    return scores.stream().map(ScoredMovie::movieId).toList();
  }
}

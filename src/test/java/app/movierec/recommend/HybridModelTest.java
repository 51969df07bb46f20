package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.ProgressListener;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.hybrid.BlendWeights;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one model on the checkerboard, where the right answers are known. */
class HybridModelTest {

  private static final TrainingData DATA = EngineTestData.checkerboard();
  private static final HybridModel MODEL =
      new HybridTrainer(
              AlsConfig.defaults()
                  .withFactors(2)
                  .withRegularization(0.1)
                  .withAlpha(2)
                  .withIterations(10))
          .fit(DATA, ProgressListener.NONE);

  @ParameterizedTest(name = "ALS weight {0}")
  @ValueSource(doubles = {0, 0.5, 0.8, 1})
  void recommends_the_withheld_movie_first_under_any_blend(double alsWeight) {
    HybridModel blended = MODEL.withWeights(BlendWeights.ofAlsWeight(alsWeight));
    for (int userId = 1; userId <= EngineTestData.CHECKERBOARD_USERS; userId++) {
      UserHistory history = MODEL.trainedHistory(userId).orElseThrow();

      assertThat(blended.recommend(history, 1).getFirst().movieId())
          .as("user %d", userId)
          .isEqualTo(EngineTestData.withheldMovie(userId));
    }
  }

  @Test
  void knows_its_users_training_ratings() {
    assertThat(MODEL.trainedHistory(2)).contains(EngineTestData.historyOf(DATA, 2));
    assertThat(MODEL.trainedHistory(999)).isEmpty();
    assertThat(MODEL.userCount()).isEqualTo(EngineTestData.CHECKERBOARD_USERS);
  }

  @Test
  void a_new_rating_counts_at_once_without_retraining() {
    UserHistory trained = MODEL.trainedHistory(2).orElseThrow();
    int withheld = EngineTestData.withheldMovie(2);

    List<ScoredMovie> after = MODEL.recommend(trained.with(withheld, 5), 20);

    assertThat(after).extracting(ScoredMovie::movieId).doesNotContain(withheld);
  }

  @Test
  void a_history_the_models_cannot_use_gets_the_most_popular_movies_not_id_order() {
    // long-tail popularity: movie 1 is drawn most often, but not in id order further down
    TrainingData longTail = EngineTestData.randomLongTail(60, 40, 8, 0, 4);
    HybridModel model =
        new HybridTrainer(AlsConfig.defaults().withFactors(4).withIterations(3))
            .fit(longTail, ProgressListener.NONE);
    int[] counts = new int[41];
    for (int movieId : longTail.ratingMovieIds()) {
      counts[movieId]++;
    }

    List<ScoredMovie> empty = model.recommend(UserHistory.empty(), 10);
    List<ScoredMovie> unknown = model.recommend(EngineTestData.anonymous(999, 5), 10);

    assertThat(empty)
        .extracting(m -> counts[m.movieId()])
        .isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    assertThat(counts[empty.getFirst().movieId()])
        .isEqualTo(IntStream.of(counts).max().orElseThrow());
    assertThat(empty)
        .extracting(ScoredMovie::movieId)
        .isNotEqualTo(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    assertThat(unknown).isEqualTo(empty);
  }

  @Test
  void a_history_of_only_dislikes_gets_popular_movies_unlike_the_disliked_one() {
    // one even movie at half a star: even movies are what this visitor does not want
    UserHistory dislikedOne = EngineTestData.anonymous(4, 0.5);

    List<ScoredMovie> top = MODEL.recommend(dislikedOne, 5);

    assertThat(dislikedOne.onlyDislikes()).isTrue();
    assertThat(top).hasSize(5).extracting(ScoredMovie::movieId).allMatch(id -> id % 2 == 1);
    assertThat(MODEL.explain(dislikedOne, top.getFirst().movieId(), 5))
        .extracting(Explanation::side)
        .doesNotContain(Explanation.Side.ALS);
  }

  @Test
  void a_movie_nobody_rated_gets_als_factors_from_its_content_and_ranks_with_its_neighbours() {
    HybridModel model =
        new HybridTrainer(
                AlsConfig.defaults()
                    .withFactors(2)
                    .withRegularization(0.1)
                    .withAlpha(2)
                    .withIterations(10))
            .fit(EngineTestData.checkerboardWithNewMovies(), ProgressListener.NONE);
    HybridModel alsOnly = model.withWeights(BlendWeights.ALS_ONLY);
    int newComedy = 21;
    int newDrama = 22;

    assertThat(model.als().movies().contains(newComedy)).isTrue();
    // by ALS alone, odd users rank the new comedy above the new drama, even users the other way
    UserHistory odd = model.trainedHistory(3).orElseThrow();
    UserHistory even = model.trainedHistory(4).orElseThrow();
    List<Integer> oddPicks = alsOnly.recommend(odd, 20).stream().map(ScoredMovie::movieId).toList();
    List<Integer> evenPicks =
        alsOnly.recommend(even, 20).stream().map(ScoredMovie::movieId).toList();
    assertThat(oddPicks.indexOf(newComedy)).isNotNegative().isLessThan(oddPicks.indexOf(newDrama));
    assertThat(evenPicks.indexOf(newDrama))
        .isNotNegative()
        .isLessThan(evenPicks.indexOf(newComedy));
    assertThat(alsOnly.similarMovies(newComedy, 5))
        .extracting(ScoredMovie::movieId)
        .allMatch(id -> id % 2 == 1);
    // a visitor who rates the new drama is folded in towards the even movies
    assertThat(alsOnly.recommend(EngineTestData.anonymous(newDrama, 5), 5))
        .extracting(ScoredMovie::movieId)
        .allMatch(id -> id % 2 == 0);
  }

  @Test
  void similar_movies_share_the_parity_under_every_blend() {
    for (BlendWeights weights :
        List.of(BlendWeights.ALS_ONLY, BlendWeights.CONTENT_ONLY, BlendWeights.ofAlsWeight(0.5))) {
      assertThat(MODEL.withWeights(weights).similarMovies(4, 3))
          .as("%s", weights)
          .hasSize(3)
          .extracting(ScoredMovie::movieId)
          .doesNotContain(4)
          .allMatch(movieId -> movieId % 2 == 0);
    }
    assertThat(MODEL.similarMovies(999, 3)).isEmpty();
  }

  @Test
  void explains_from_both_models_and_never_a_movie_the_user_rated() {
    UserHistory history = MODEL.trainedHistory(2).orElseThrow();
    int withheld = EngineTestData.withheldMovie(2);

    List<Explanation> why = MODEL.explain(history, withheld, 5);

    assertThat(why)
        .extracting(Explanation::side)
        .contains(Explanation.Side.ALS, Explanation.Side.CONTENT);
    assertThat(why)
        .extracting(Explanation::ratedMovieId)
        .allMatch(history::contains)
        .allMatch(movieId -> movieId % 2 == 0);
    assertThat(MODEL.explain(history, history.movieId(0), 5)).isEmpty();
    assertThat(MODEL.withWeights(BlendWeights.ALS_ONLY).explain(history, withheld, 5))
        .extracting(Explanation::side)
        .containsOnly(Explanation.Side.ALS);
  }

  @Test
  void scores_every_movie_and_recommend_ranks_the_unrated_ones_by_them() {
    UserHistory history = MODEL.trainedHistory(3).orElseThrow();
    float[] scores = MODEL.scores(history);

    assertThat(scores).hasSize(MODEL.movies().size());
    for (ScoredMovie movie : MODEL.recommend(history, 5)) {
      assertThat((double) scores[MODEL.movies().rowOf(movie.movieId())])
          .isCloseTo(movie.score(), org.assertj.core.api.Assertions.within(1e-5));
    }
  }
}

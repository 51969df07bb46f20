package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.common.ProgressTracker;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TrainingData;
import app.movierec.common.TrainingDataSource;
import app.movierec.common.UnknownUserException;
import app.movierec.common.UserHistory;
import app.movierec.ratings.Rating;
import app.movierec.ratings.RatingService;
import app.movierec.ratings.RatingsTestConfig;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.hybrid.BlendWeights;
import app.movierec.recommend.hybrid.HybridConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query facade over a model trained on the checkerboard and ratings in an in-memory database:
 * every answer comes from the user's effective ratings, so a rating given after training counts at
 * once, and the slider only re-blends cached scores.
 */
@SpringBootTest(
    classes = {RatingsTestConfig.class, RecommendationServiceTest.Recommender.class},
    properties = "spring.datasource.url=jdbc:h2:mem:recommendation-service;DB_CLOSE_DELAY=-1")
class RecommendationServiceTest {

  private static final TrainingData DATA = EngineTestData.checkerboard();

  @TempDir static Path modelDir;

  @Autowired RecommendationService recommendations;
  @Autowired ModelLifecycle models;
  @Autowired RatingService ratings;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void modelDir(DynamicPropertyRegistry registry) {
    registry.add("movierec.model-dir", () -> modelDir.toString());
  }

  @TestConfiguration
  @Import({ProgressTracker.class, ModelStore.class, ModelLifecycle.class})
  static class Recommender {
    @Bean
    AlsConfig alsConfig() {
      return AlsConfig.defaults()
          .withFactors(2)
          .withRegularization(0.1)
          .withAlpha(2)
          .withIterations(10);
    }

    @Bean
    HybridConfig hybridConfig() {
      return HybridConfig.defaults();
    }

    @Bean
    TrainingDataSource trainingData() {
      return () -> DATA;
    }

    @Bean
    RecommendationService recommendationService(ModelLifecycle models, RatingService ratings) {
      return new RecommendationService(models, ratings, 16);
    }
  }

  @BeforeAll
  static void checkerboardInTheDatabase(@Autowired JdbcTemplate jdbc) {
    for (int movieId = 1; movieId <= EngineTestData.CHECKERBOARD_MOVIES; movieId++) {
      jdbc.update(
          "insert into movie (movie_id, title, genres) values (?, ?, ?)",
          movieId,
          "Movie " + movieId,
          movieId % 2 == 0 ? "Drama" : "Comedy");
    }
    for (int k = 0; k < DATA.ratingCount(); k++) {
      jdbc.update(
          "insert into rating (rating_key, user_id, movie_id, stars, rated_at) values (?, ?, ?, ?, 0)",
          Rating.key(DATA.ratingUserIds()[k], DATA.ratingMovieIds()[k]),
          DATA.ratingUserIds()[k],
          DATA.ratingMovieIds()[k],
          DATA.ratings()[k]);
    }
  }

  @BeforeEach
  void aFreshModel() throws Exception {
    jdbc.update("delete from live_rating");
    models.retrain().get(60, TimeUnit.SECONDS);
  }

  @Test
  void a_rating_given_after_training_counts_at_once() {
    int withheld = EngineTestData.withheldMovie(2);
    assertThat(recommendations.recommend(2, BlendWeights.ALS_ONLY, 1).getFirst().movieId())
        .isEqualTo(withheld);

    ratings.rate(2, withheld, 5);

    assertThat(recommendations.historyOf(2).ratingOf(withheld)).isEqualTo(5f);
    assertThat(recommendations.recommend(2, BlendWeights.ALS_ONLY, 20))
        .extracting(ScoredMovie::movieId)
        .doesNotContain(withheld);
  }

  @Test
  void moving_the_slider_reblends_the_cached_scores_and_a_rating_invalidates_them() {
    long hits = recommendations.scoreCacheStats().hitCount();
    long misses = recommendations.scoreCacheStats().missCount();

    List<ScoredMovie> first = recommendations.recommend(3, BlendWeights.ofAlsWeight(0.3), 20);
    recommendations.recommend(3, BlendWeights.ofAlsWeight(0.9), 20);
    List<ScoredMovie> again = recommendations.recommend(3, BlendWeights.ofAlsWeight(0.3), 20);

    assertThat(again).isEqualTo(first);
    assertThat(recommendations.scoreCacheStats().missCount() - misses).isEqualTo(1);
    assertThat(recommendations.scoreCacheStats().hitCount() - hits).isEqualTo(2);

    ratings.rate(3, first.getFirst().movieId(), 1);
    List<ScoredMovie> afterRating = recommendations.recommend(3, BlendWeights.ofAlsWeight(0.3), 20);

    assertThat(afterRating)
        .extracting(ScoredMovie::movieId)
        .doesNotContain(first.getFirst().movieId());
  }

  @Test
  void a_visitors_recommendations_and_explanations_come_from_their_live_ratings() {
    int visitor = ratings.createVisitor().userId();
    ratings.rate(visitor, 2, 5);
    ratings.rate(visitor, 4, 4.5);

    List<ScoredMovie> recommended =
        recommendations.recommend(visitor, BlendWeights.ofAlsWeight(0.5), 5);
    List<Explanation> why = recommendations.explain(visitor, recommended.getFirst().movieId());

    assertThat(recommended)
        .extracting(ScoredMovie::movieId)
        .doesNotContain(2, 4)
        .allMatch(movieId -> movieId % 2 == 0);
    assertThat(why).isNotEmpty().extracting(Explanation::ratedMovieId).containsOnly(2, 4);
    assertThat(recommendations.explain(visitor, 2)).as("a movie they rated").isEmpty();
  }

  @Test
  void favourites_come_best_first_and_never_show_a_dislike() {
    int visitor = ratings.createVisitor().userId();
    ratings.rate(visitor, 2, 4.5);
    ratings.rate(visitor, 4, 5);
    ratings.rate(visitor, 6, 1);

    assertThat(recommendations.favourites(visitor, 10)).containsExactly(4, 2);
    assertThat(recommendations.favourites(visitor, 1)).containsExactly(4);
  }

  @Test
  void a_visitor_without_ratings_gets_popular_movies_and_an_unknown_user_is_refused() {
    int visitor = ratings.createVisitor().userId();

    assertThat(recommendations.recommend(visitor, BlendWeights.ofAlsWeight(0.5), 5)).hasSize(5);
    assertThatThrownBy(() -> recommendations.recommend(999, BlendWeights.ALS_ONLY, 5))
        .isInstanceOf(UnknownUserException.class);
    assertThatThrownBy(() -> recommendations.explain(999, 2))
        .isInstanceOf(UnknownUserException.class);
  }

  @Test
  void anonymous_ratings_and_similar_movies_need_no_stored_user() {
    UserHistory told = EngineTestData.anonymous(5, 5, 7, 4.5);

    assertThat(recommendations.recommend(told, BlendWeights.ofAlsWeight(0.5), 3))
        .extracting(ScoredMovie::movieId)
        .doesNotContain(5, 7)
        .allMatch(movieId -> movieId % 2 == 1);
    assertThat(recommendations.similarMovies(4, BlendWeights.CONTENT_ONLY, 3))
        .extracting(ScoredMovie::movieId)
        .allMatch(movieId -> movieId % 2 == 0);
  }

  @Test
  void after_a_retrain_the_new_model_serves_the_live_ratings_as_trained_ones() throws Exception {
    int visitor = ratings.createVisitor().userId();
    ratings.rate(visitor, 6, 5);
    assertThat(models.require().trainedHistory(visitor)).isEmpty();

    // the source here is the fixed checkerboard, so the visitor stays unknown to the model and is
    // served from the stored ratings; a new model must not serve old cached scores
    HybridModel before = models.require();
    models.retrain().get(60, TimeUnit.SECONDS);

    assertThat(models.require()).isNotSameAs(before);
    assertThat(recommendations.recommend(visitor, BlendWeights.ALS_ONLY, 3))
        .extracting(ScoredMovie::movieId)
        .doesNotContain(6)
        .allMatch(movieId -> movieId % 2 == 0);
  }
}

package app.movierec.recommend.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.movierec.recommend.BlendWeights;
import app.movierec.recommend.EngineTestData;
import app.movierec.recommend.MovieScore;
import app.movierec.recommend.ScoredMovie;
import app.movierec.recommend.TrainingData;
import app.movierec.recommend.UserRatings;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.content.ContentModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HybridRecommenderTest {

  // 60 movies, but only the popular head gets ratings: the tail has no ALS row
  private static final TrainingData DATA = EngineTestData.randomLongTail(80, 60, 12, 5, 21);
  private static final AlsModel ALS =
      new AlsTrainer(AlsConfig.defaults().withFactors(8).withIterations(8))
          .train(DATA, AlsTrainer.ProgressListener.NONE);
  private static final ContentModel CONTENT = ContentModel.build(DATA);
  private static final HybridRecommender HYBRID = new HybridRecommender(ALS, CONTENT);
  private static final UserRatings RATINGS = UserRatings.of(DATA);

  @Test
  void weights_one_zero_reproduce_the_als_order() {
    for (long userId = 1; userId <= 10; userId++) {
      UserScores scores = scoresOf(userId);

      assertThat(ids(HYBRID.blend(scores, BlendWeights.ALS_ONLY, 15)))
          .containsExactlyElementsOf(
              ALS.recommend(userId, 15).stream().map(MovieScore::movieId).toList());
    }
  }

  @Test
  void weights_zero_one_reproduce_the_content_order() {
    for (long userId = 1; userId <= 10; userId++) {
      Map<Long, Double> ratings = RATINGS.ratingsOf(userId).orElseThrow();
      UserScores scores = scoresOf(userId);

      assertThat(ids(HYBRID.blend(scores, BlendWeights.CONTENT_ONLY, 15)))
          .containsExactlyElementsOf(
              CONTENT.recommend(CONTENT.profile(ratings), 15).stream()
                  .map(MovieScore::movieId)
                  .toList());
    }
  }

  @Test
  void both_parts_are_standardised_per_user_and_rated_movies_are_left_out() {
    UserScores scores = scoresOf(1);
    List<ScoredMovie> all = HYBRID.blend(scores, BlendWeights.ofAlsWeight(0.5), 1000);

    double contentMean =
        all.stream().mapToDouble(ScoredMovie::contentScore).average().orElseThrow();
    assertThat(contentMean).isCloseTo(0.0, within(1e-4));
    assertThat(all)
        .allSatisfy(
            movie ->
                assertThat(movie.score())
                    .isCloseTo(
                        Double.isNaN(movie.alsScore())
                            ? 0.5 * scores.alsFloor() + 0.5 * movie.contentScore()
                            : 0.5 * movie.alsScore() + 0.5 * movie.contentScore(),
                        within(1e-6)));
    assertThat(ids(all)).doesNotContainAnyElementsOf(RATINGS.ratingsOf(1).orElseThrow().keySet());
  }

  @Test
  void standardising_ignores_excluded_rows_and_keeps_nan() {
    float[] values = {100, 2, 4, Float.NaN, 6};
    HybridRecommender.standardise(values, new boolean[] {true, false, false, false, false});

    // mean 4, standard deviation sqrt(8 / 3) over the three candidates
    float sd = (float) Math.sqrt(8.0 / 3);
    assertThat(values)
        .usingComparatorWithPrecision(1e-5f)
        .containsExactly(96 / sd, -2 / sd, 0f, Float.NaN, 2 / sd);
  }

  private static UserScores scoresOf(long userId) {
    Map<Long, Double> ratings = RATINGS.ratingsOf(userId).orElseThrow();
    return HYBRID.userScores(ALS.userVector(userId).orElseThrow(), CONTENT.profile(ratings));
  }

  private static List<Long> ids(List<ScoredMovie> movies) {
    return movies.stream().map(ScoredMovie::movieId).toList();
  }
}

package app.movierec.recommend.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.movierec.common.ProgressListener;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import app.movierec.recommend.EngineTestData;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.content.ContentModel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlenderTest {

  // 60 movies, but only the popular head gets ratings: the tail has no ALS row
  private static final TrainingData DATA = EngineTestData.randomLongTail(80, 60, 12, 5, 21);
  private static final AlsModel ALS =
      new AlsTrainer(AlsConfig.defaults().withFactors(8).withIterations(8))
          .train(DATA, ProgressListener.NONE);
  private static final ContentModel CONTENT = ContentModel.build(DATA);
  private static final Blender BLENDER = new Blender(ALS, CONTENT);

  @Test
  void weights_one_zero_reproduce_the_als_order() {
    for (int userId = 1; userId <= 10; userId++) {
      StandardScores scores = scoresOf(userId);

      assertThat(ids(BLENDER.blend(scores, BlendWeights.ALS_ONLY, 15)))
          .containsExactlyElementsOf(
              ids(ALS.recommend(ALS.trainedVector(userId).orElseThrow(), 15)));
    }
  }

  @Test
  void weights_zero_one_reproduce_the_content_order() {
    for (int userId = 1; userId <= 10; userId++) {
      StandardScores scores = scoresOf(userId);

      assertThat(ids(BLENDER.blend(scores, BlendWeights.CONTENT_ONLY, 15)))
          .containsExactlyElementsOf(ids(CONTENT.recommend(CONTENT.profile(history(userId)), 15)));
    }
  }

  @Test
  void both_parts_are_standardised_per_user_and_rated_movies_are_left_out() {
    StandardScores scores = scoresOf(1);
    List<ScoredMovie> all = BLENDER.blend(scores, BlendWeights.ofAlsWeight(0.5), 1000);

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
    assertThat(ids(all))
        .doesNotContainAnyElementsOf(Arrays.stream(history(1).movieIds()).boxed().toList());
  }

  @Test
  void blend_all_scores_every_movie_as_blend_ranks_the_candidates() {
    StandardScores scores = scoresOf(2);
    BlendWeights weights = BlendWeights.ofAlsWeight(0.3);
    float[] all = BLENDER.blendAll(scores, weights);

    for (ScoredMovie movie : BLENDER.blend(scores, weights, 20)) {
      assertThat((double) all[BLENDER.movies().rowOf(movie.movieId())])
          .isCloseTo(movie.score(), within(1e-5));
    }
  }

  @Test
  void more_like_this_leaves_the_movie_out_and_blends_both_similarities() {
    int movieId = 3; // a popular movie with an ALS row and a genome vector
    StandardScores scores = BLENDER.movieScores(movieId).orElseThrow();

    assertThat(scores.excluded()[BLENDER.movies().rowOf(movieId)]).isTrue();
    assertThat(ids(BLENDER.blend(scores, BlendWeights.ALS_ONLY, 5)))
        .containsExactlyElementsOf(ids(ALS.similarMovies(movieId, 5)));
    assertThat(ids(BLENDER.blend(scores, BlendWeights.CONTENT_ONLY, 5)))
        .containsExactlyElementsOf(ids(CONTENT.similarMovies(movieId, 5)));
    assertThat(BLENDER.movieScores(999)).isEmpty();
  }

  @Test
  void standardising_ignores_excluded_rows_and_keeps_nan() {
    float[] values = {100, 2, 4, Float.NaN, 6};
    Blender.standardise(values, new boolean[] {true, false, false, false, false});

    // mean 4, standard deviation sqrt(8 / 3) over the three candidates
    float sd = (float) Math.sqrt(8.0 / 3);
    assertThat(values)
        .usingComparatorWithPrecision(1e-5f)
        .containsExactly(96 / sd, -2 / sd, 0f, Float.NaN, 2 / sd);
  }

  @Test
  void a_users_scores_are_each_part_standardised_on_its_own() {
    for (int userId = 1; userId <= 10; userId++) {
      AlsModel.UserVector user = ALS.trainedVector(userId).orElseThrow();
      StandardScores scores = scoresOf(userId);
      float[] itemScores = ALS.scores(user.factors());
      float[] als = new float[BLENDER.movies().size()];
      for (int movieRow = 0; movieRow < als.length; movieRow++) {
        int itemRow = ALS.movies().rowOf(BLENDER.movies().idAt(movieRow));
        als[movieRow] = itemRow >= 0 ? itemScores[itemRow] : Float.NaN;
      }
      float[] content = CONTENT.scores(CONTENT.profile(history(userId)));

      Blender.standardise(als, scores.excluded());
      Blender.standardise(content, scores.excluded());

      assertThat(scores.als()).as("user %d", userId).containsExactly(als);
      assertThat(scores.content()).as("user %d", userId).containsExactly(content);
      float floor = Float.POSITIVE_INFINITY;
      for (int movieRow = 0; movieRow < als.length; movieRow++) {
        if (!scores.excluded()[movieRow] && !Float.isNaN(als[movieRow])) {
          floor = Math.min(floor, als[movieRow]);
        }
      }
      assertThat(scores.alsFloor()).isEqualTo(floor);
    }
  }

  private static UserHistory history(int userId) {
    return EngineTestData.historyOf(DATA, userId);
  }

  private static StandardScores scoresOf(int userId) {
    return BLENDER.userScores(
        ALS.trainedVector(userId).orElseThrow(), CONTENT.profile(history(userId)));
  }

  private static List<Integer> ids(List<ScoredMovie> movies) {
    return movies.stream().map(ScoredMovie::movieId).toList();
  }
}

package app.movierec.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.common.ProgressListener;
import app.movierec.common.UserHistory;
import app.movierec.recommend.EngineTestData;
import org.junit.jupiter.api.Test;

/** Movies given factors after training: rows in between, trained users untouched. */
class AlsColdMoviesTest {

  private static final AlsModel MODEL =
      new AlsTrainer(
              AlsConfig.defaults()
                  .withFactors(2)
                  .withRegularization(0.1)
                  .withAlpha(2)
                  .withIterations(10))
          .train(EngineTestData.checkerboard(), ProgressListener.NONE);

  @Test
  void a_cold_movie_gets_a_row_and_the_trained_users_and_movies_keep_theirs() {
    float[] likeMovie2 = MODEL.movieFactors();
    int f = MODEL.factors();
    float[] factors = java.util.Arrays.copyOfRange(likeMovie2, f, 2 * f); // movie 2's row
    AlsModel extended = MODEL.withColdMovies(new int[] {7_000}, factors);
    UserHistory user2 = EngineTestData.historyOf(EngineTestData.checkerboard(), 2);

    assertThat(extended.movies().size()).isEqualTo(MODEL.movies().size() + 1);
    assertThat(extended.userVector(user2).factors())
        .as("a trained user is still served their trained vector")
        .containsExactly(MODEL.userVector(user2).factors());
    assertThat(extended.similarMovies(7_000, 1).getFirst().movieId()).isEqualTo(2);
    assertThat(extended.foldIn(user2).factors())
        .as("the fold-in's Gram matrix is still that of the trained movies")
        .containsExactly(MODEL.foldIn(user2).factors());
  }

  @Test
  void refuses_a_movie_that_has_trained_factors() {
    assertThatThrownBy(() -> MODEL.withColdMovies(new int[] {2}, new float[MODEL.factors()]))
        .hasMessageContaining("already has trained factors");
  }
}

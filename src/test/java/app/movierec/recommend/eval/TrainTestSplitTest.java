package app.movierec.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.recommend.EngineTestData;
import app.movierec.recommend.TrainingData;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainTestSplitTest {

  private static final TrainingData DATA = EngineTestData.randomLongTail(50, 60, 20, 0, 9);

  @Test
  void holds_out_a_quarter_of_every_users_ratings_without_overlap() {
    TrainTestSplit split = TrainTestSplit.of(DATA, 0.25, 42);

    assertThat(split.testMovieIdsByUserId())
        .hasSize(50)
        .allSatisfy((userId, test) -> assertThat(test).hasSize(5));
    assertThat(split.train().ratingCount()).isEqualTo(50 * 15);
    Set<String> trainPairs = new HashSet<>();
    for (int k = 0; k < split.train().ratingCount(); k++) {
      trainPairs.add(split.train().ratingUserIds()[k] + "/" + split.train().ratingMovieIds()[k]);
    }
    split
        .testMovieIdsByUserId()
        .forEach(
            (userId, test) ->
                test.forEach(
                    movieId -> assertThat(trainPairs).doesNotContain(userId + "/" + movieId)));
  }

  @Test
  void the_same_seed_gives_the_same_split_and_another_seed_another() {
    assertThat(TrainTestSplit.of(DATA, 0.25, 42).testMovieIdsByUserId())
        .isEqualTo(TrainTestSplit.of(DATA, 0.25, 42).testMovieIdsByUserId())
        .isNotEqualTo(TrainTestSplit.of(DATA, 0.25, 43).testMovieIdsByUserId());
  }

  @Test
  void popularity_never_recommends_a_training_movie() {
    TrainTestSplit split = TrainTestSplit.of(DATA, 0.25, 1);
    PopularityRecommender popularity = new PopularityRecommender(split.train());

    for (long userId = 1; userId <= 50; userId++) {
      Set<Long> trained = new HashSet<>();
      for (int k = 0; k < split.train().ratingCount(); k++) {
        if (split.train().ratingUserIds()[k] == userId) {
          trained.add((long) split.train().ratingMovieIds()[k]);
        }
      }
      long[] list = popularity.recommend(userId, 10);
      assertThat(list).hasSize(10);
      for (long movieId : list) {
        assertThat(trained).doesNotContain(movieId);
      }
    }
  }
}

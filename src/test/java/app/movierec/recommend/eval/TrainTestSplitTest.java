package app.movierec.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.TrainingData;
import app.movierec.recommend.EngineTestData;
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
}

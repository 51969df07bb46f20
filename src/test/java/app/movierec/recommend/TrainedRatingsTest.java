package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.GenomeMatrix;
import app.movierec.common.IdIndex;
import app.movierec.common.MovieTags;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainedRatingsTest {

  @Test
  void gives_each_user_their_ratings_by_ascending_movie_whatever_the_input_order() {
    TrainingData data =
        new TrainingData(
            "mixed",
            new int[] {1, 2, 3, 4},
            List.of(List.of(), List.of(), List.of(), List.of()),
            MovieTags.NONE,
            GenomeMatrix.NONE,
            new int[] {9, 9, 5, 9, 1_000_000_000, 5},
            new int[] {4, 1, 2, 3, 1, 1},
            new float[] {4f, 1f, 2f, 3f, 5f, 0.5f},
            List.of());

    TrainedRatings trained = TrainedRatings.of(data);

    UserHistory nine = trained.historyOf(9).orElseThrow();
    assertThat(nine.size()).isEqualTo(3);
    assertThat(new int[] {nine.movieId(0), nine.movieId(1), nine.movieId(2)})
        .containsExactly(1, 3, 4);
    assertThat(nine.rating(0)).isEqualTo(1f);
    assertThat(nine.rating(2)).isEqualTo(4f);
    assertThat(trained.historyOf(5).orElseThrow().movieId(0)).isEqualTo(1);
    assertThat(trained.historyOf(1_000_000_000)).isPresent();
    assertThat(trained.historyOf(7)).isEmpty();
    assertThat(trained.ratingCounts(IdIndex.of(new int[] {1, 2, 3, 4, 99})))
        .containsExactly(3f, 1f, 1f, 1f, 0f);
  }
}

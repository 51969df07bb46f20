package app.movierec.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RatingMatrixTest {

  private static final AlsConfig CONFIG = AlsConfig.defaults().withAlpha(2);

  @Test
  void both_orientations_hold_every_rating_with_columns_ascending_whatever_the_input_order() {
    // users 7, 3, 90_000_000 (beyond the direct lookup table) and movies 5, 2, 9, in scrambled
    // order
    int[] users = {7, 3, 90_000_000, 7, 3, 7, 90_000_000};
    int[] movies = {9, 5, 2, 2, 9, 5, 9};
    float[] stars = {1, 2, 3, 4, 5, 0.5f, 1.5f};

    RatingMatrix matrix = RatingMatrix.of(users, movies, stars, CONFIG);

    assertThat(matrix.users().ids()).containsExactly(3, 7, 90_000_000);
    assertThat(matrix.items().ids()).containsExactly(2, 5, 9);
    // by user: 3 -> {5: 2, 9: 5}; 7 -> {2: 4, 5: 0.5, 9: 1}; 90M -> {2: 3, 9: 1.5}
    assertThat(matrix.userOffsets).containsExactly(0, 2, 5, 7);
    assertThat(matrix.userItemRows).containsExactly(1, 2, 0, 1, 2, 0, 2);
    assertThat(matrix.userConfidences).containsExactly(confidences(2, 5, 4, 0.5f, 1, 3, 1.5f));
    // by movie: 2 -> {7: 4, 90M: 3}; 5 -> {3: 2, 7: 0.5}; 9 -> {3: 5, 7: 1, 90M: 1.5}
    assertThat(matrix.itemOffsets).containsExactly(0, 2, 4, 7);
    assertThat(matrix.itemUserRows).containsExactly(1, 2, 0, 1, 0, 1, 2);
    assertThat(matrix.itemConfidences).containsExactly(confidences(4, 3, 2, 0.5f, 5, 1, 1.5f));
    assertThat(matrix.nonZeros()).isEqualTo(7);
  }

  @Test
  void the_same_ratings_in_another_order_give_the_same_matrix() {
    int[] users = {1, 2, 3, 1, 2};
    int[] movies = {10, 10, 20, 30, 20};
    float[] stars = {5, 4, 3, 2, 1};
    int[] order = {4, 2, 0, 3, 1};

    RatingMatrix matrix = RatingMatrix.of(users, movies, stars, CONFIG);
    RatingMatrix shuffled =
        RatingMatrix.of(
            Arrays.stream(order).map(k -> users[k]).toArray(),
            Arrays.stream(order).map(k -> movies[k]).toArray(),
            floats(Arrays.stream(order).mapToDouble(k -> stars[k]).toArray()),
            CONFIG);

    assertThat(shuffled.userItemRows).containsExactly(matrix.userItemRows);
    assertThat(shuffled.userConfidences).containsExactly(matrix.userConfidences);
    assertThat(shuffled.itemUserRows).containsExactly(matrix.itemUserRows);
    assertThat(shuffled.itemConfidences).containsExactly(matrix.itemConfidences);
  }

  private static float[] confidences(float... stars) {
    float[] values = new float[stars.length];
    for (int k = 0; k < stars.length; k++) {
      values[k] = CONFIG.confidenceOf(stars[k]);
    }
    return values;
  }

  private static float[] floats(double[] values) {
    float[] result = new float[values.length];
    for (int k = 0; k < values.length; k++) {
      result[k] = (float) values[k];
    }
    return result;
  }
}

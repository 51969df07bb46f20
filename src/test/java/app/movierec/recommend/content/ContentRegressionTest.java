package app.movierec.recommend.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.movierec.common.TrainingData;
import app.movierec.recommend.EngineTestData;
import org.junit.jupiter.api.Test;

class ContentRegressionTest {

  // movies 1..40; 1..10 have genome vectors
  private static final TrainingData DATA = EngineTestData.randomLongTail(30, 40, 10, 10, 11);
  private static final ContentModel CONTENT = ContentModel.build(DATA);

  @Test
  void learns_a_target_that_is_a_linear_function_of_the_content() {
    // target = (the movie's first genome value, a constant): exactly linear in the features
    int[] movieIds = new int[10];
    float[] targets = new float[20];
    for (int m = 1; m <= 10; m++) {
      movieIds[m - 1] = m;
      float[] features =
          new float[CONTENT.genomeDimension() + ContentRegression.FALLBACK_TERMS + 1];
      CONTENT.features(
          CONTENT.movies().rowOf(m),
          CONTENT.commonTerms(ContentRegression.FALLBACK_TERMS),
          features,
          0);
      targets[2 * (m - 1)] = features[0];
      targets[2 * (m - 1) + 1] = 1;
    }

    ContentRegression regression = ContentRegression.fit(CONTENT, movieIds, targets, 2, 1e-4);

    for (int m = 1; m <= 10; m++) {
      float[] predicted = regression.predict(m).orElseThrow();
      assertThat((double) predicted[0]).isCloseTo(targets[2 * (m - 1)], within(1e-2));
      assertThat((double) predicted[1]).isCloseTo(1.0, within(1e-2));
    }
    assertThat(regression.predict(999)).isEmpty();
  }

  @Test
  void movies_without_a_genome_vector_count_as_much_as_the_others() {
    // they are accumulated over the tag-and-bias columns only: their targets must be fitted too
    int width = CONTENT.genomeDimension() + ContentRegression.FALLBACK_TERMS + 1;
    int[] termSlot = CONTENT.commonTerms(ContentRegression.FALLBACK_TERMS);
    int[] movieIds = new int[40];
    float[] targets = new float[40];
    for (int m = 1; m <= 40; m++) {
      movieIds[m - 1] = m;
      float[] features = new float[width];
      CONTENT.features(CONTENT.movies().rowOf(m), termSlot, features, 0);
      float target = 1;
      for (int column = CONTENT.genomeDimension(); column < width; column++) {
        target += 2 * features[column];
      }
      targets[m - 1] = target;
    }

    ContentRegression regression = ContentRegression.fit(CONTENT, movieIds, targets, 1, 1e-4);

    for (int m = 1; m <= 40; m++) {
      assertThat((double) regression.predict(m).orElseThrow()[0])
          .as("movie %d (%s)", m, CONTENT.kindOf(m).orElseThrow())
          .isCloseTo(targets[m - 1], within(1e-2));
    }
  }

  @Test
  void a_strong_penalty_shrinks_every_prediction_towards_zero() {
    int[] movieIds = {1, 2, 3};
    float[] targets = {5, 5, 5};

    ContentRegression regression = ContentRegression.fit(CONTENT, movieIds, targets, 1, 1e6);

    assertThat((double) regression.predict(4).orElseThrow()[0]).isCloseTo(0, within(1e-3));
  }
}

package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.ProgressListener;
import app.movierec.common.TrainingData;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.hybrid.BlendSettings;
import app.movierec.recommend.hybrid.HybridConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blend is chosen on validation users carved from the training data: content gets a share where
 * it predicts their held-out movies better than ALS, none where it does not, and none on noise.
 */
class BlendLearnerTest {

  private static final int CLUSTERS = 4;
  private static final int MOVIES_PER_CLUSTER = 25;

  @ParameterizedTest
  @ValueSource(longs = {7, 11, 13})
  void content_gets_a_share_when_it_predicts_what_a_weak_als_cannot(long seed) {
    // one latent factor cannot tell four tastes apart; the genome names each movie's taste
    AlsConfig weakAls = AlsConfig.defaults().withFactors(1).withIterations(2);

    BlendSettings blend = learn(clusteredTastes(true, seed), weakAls);

    assertThat(blend.learned()).isTrue();
    assertThat(blend.alsWeight()).isLessThan(1.0);
    assertThat(blend.curve()).hasSize(21);
    assertThat(quality(blend, "hybrid")).isGreaterThan(quality(blend, "als"));
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 11, 13})
  void als_alone_when_the_content_is_noise(long seed) {
    BlendSettings blend = learn(clusteredTastes(false, seed), AlsConfig.defaults().withFactors(8));

    assertThat(blend.learned()).isTrue();
    assertThat(blend.alsWeight()).isGreaterThanOrEqualTo(0.9);
    assertThat(quality(blend, "als")).isGreaterThan(quality(blend, "content"));
  }

  @Test
  void too_few_users_to_validate_on_give_the_configured_fixed_weight() {
    TrainingData tiny = EngineTestData.checkerboard();
    HybridTrainer trainer = new HybridTrainer(AlsConfig.defaults().withFactors(4));

    BlendSettings blend = trainer.chooseBlend(tiny, ProgressListener.NONE);

    assertThat(blend.learned()).isFalse();
    assertThat(blend.alsWeight()).isEqualTo(HybridConfig.defaults().alsWeight());
  }

  @Test
  void a_weight_is_chosen_only_when_its_gain_over_als_exceeds_its_noise() {
    double[] weights = {0.0, 0.5, 1.0};
    List<double[]> steady = new ArrayList<>();
    List<double[]> noisy = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      steady.add(new double[] {0.1, 0.35 + (i % 2) * 0.01, 0.3});
      // +0.3 and -0.29 in turn: a mean gain of 0.005 with a standard error of 0.03
      noisy.add(new double[] {0.1, i % 2 == 0 ? 0.6 : 0.01, 0.3});
    }

    assertThat(BlendLearner.choose(weights, steady)).isEqualTo(0.5);
    assertThat(BlendLearner.choose(weights, noisy)).isEqualTo(1.0);
    assertThat(BlendLearner.choose(weights, List.of())).isEqualTo(1.0);
  }

  private static BlendSettings learn(TrainingData data, AlsConfig als) {
    return new HybridTrainer(als, HybridConfig.defaults(), 2)
        .chooseBlend(data, ProgressListener.NONE);
  }

  private static double quality(BlendSettings blend, String model) {
    return blend.models().stream()
        .filter(q -> q.model().equals(model))
        .findFirst()
        .orElseThrow()
        .ndcg();
  }

  /**
   * 240 users, each with one of four tastes, rate 16 of the 25 movies of their taste (3.5-5 stars);
   * the genome is the taste one-hot (or, without {@code informativeGenome}, random numbers).
   */
  private static TrainingData clusteredTastes(boolean informativeGenome, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int movies = CLUSTERS * MOVIES_PER_CLUSTER;
    int[] movieIds = new int[movies];
    List<List<String>> genres = new ArrayList<>();
    Map<Integer, float[]> genome = new HashMap<>();
    for (int m = 0; m < movies; m++) {
      movieIds[m] = m + 1;
      genres.add(List.of("Drama"));
      float[] vector = new float[CLUSTERS];
      for (int d = 0; d < CLUSTERS; d++) {
        vector[d] =
            informativeGenome
                ? (d == m / MOVIES_PER_CLUSTER ? 0.9f : 0.1f)
                : (float) random.nextDouble();
      }
      genome.put(m + 1, vector);
    }
    List<Integer> users = new ArrayList<>();
    List<Integer> rated = new ArrayList<>();
    List<Float> stars = new ArrayList<>();
    for (int userId = 1; userId <= 240; userId++) {
      int taste = userId % CLUSTERS;
      boolean[] seen = new boolean[MOVIES_PER_CLUSTER];
      for (int k = 0; k < 16; k++) {
        int pick;
        do {
          pick = random.nextInt(MOVIES_PER_CLUSTER);
        } while (seen[pick]);
        seen[pick] = true;
        users.add(userId);
        rated.add(taste * MOVIES_PER_CLUSTER + pick + 1);
        stars.add(3.5f + random.nextInt(4) * 0.5f);
      }
    }
    float[] ratings = new float[stars.size()];
    for (int k = 0; k < ratings.length; k++) {
      ratings[k] = stars.get(k);
    }
    return new TrainingData(
        "tastes-" + informativeGenome + "-" + seed,
        movieIds,
        genres,
        Map.of(),
        genome,
        users.stream().mapToInt(Integer::intValue).toArray(),
        rated.stream().mapToInt(Integer::intValue).toArray(),
        ratings,
        List.of("t1", "t2", "t3", "t4"));
  }
}

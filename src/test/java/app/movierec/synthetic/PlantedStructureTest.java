package app.movierec.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.catalog.imports.MovieLensFolder;
import app.movierec.common.ProgressListener;
import app.movierec.common.TrainingData;
import app.movierec.recommend.HybridTrainer;
import app.movierec.recommend.ModelEvaluation;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.eval.Evaluator;
import app.movierec.recommend.eval.TrainTestSplit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structure planted in a synthetic folder is there to be found: on the evaluate command's
 * hold-out protocol ALS beats popularity by a wide margin (it finds the users' tastes), and the
 * content model, which sees only genome vectors, genres and tags, beats random lists many times
 * over (the genome follows the movies' topics).
 */
class PlantedStructureTest {

  @TempDir static Path folder;

  private static ModelEvaluation.Report report;
  private static double randomPrecision;

  @BeforeAll
  static void evaluate_a_small_synthetic_set() throws IOException {
    new MovieLensSynthesizer(new SyntheticShape(500, 1_500, 50_000, 3_000, 400, 200), 42)
        .write(folder, ProgressListener.NONE);
    TrainingData data = MovieLensFolder.load(folder, null);
    TrainTestSplit split = TrainTestSplit.of(data, 0.25, 42);
    HybridTrainer trainer =
        new HybridTrainer(AlsConfig.defaults().withFactors(32).withIterations(10));
    report = ModelEvaluation.holdout(split, trainer, 10, new double[] {0.8});
    // a random list of 10 unrated movies hits |test| / |candidates| of them on average
    double sum = 0;
    int movies = data.movieIds().length;
    for (Set<Integer> test : split.testMovieIdsByUserId().values()) {
      sum += test.size() / (double) (movies - 3 * test.size());
    }
    randomPrecision = sum / split.testMovieIdsByUserId().size();
  }

  @Test
  void als_beats_popularity_by_a_wide_margin() {
    Evaluator.Result als = report.byName("als");
    Evaluator.Result popularity = report.byName("popularity");

    assertThat(als.users()).isEqualTo(500);
    assertThat(als.ndcg()).isGreaterThan(1.5 * popularity.ndcg());
    assertThat(als.precision()).isGreaterThan(1.5 * popularity.precision());
  }

  @Test
  void the_content_model_beats_random_lists_on_genome_correlated_data() {
    Evaluator.Result content = report.byName("content");

    assertThat(content.precision()).isGreaterThan(5 * randomPrecision);
  }
}

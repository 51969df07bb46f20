package app.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.TrainingData;
import app.movierec.recommend.EngineTestData;
import app.movierec.recommend.HybridTrainer;
import app.movierec.recommend.ModelEvaluation;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.content.ContentModel;
import app.movierec.recommend.content.VectorKind;
import app.movierec.recommend.eval.Evaluator;
import app.movierec.recommend.eval.TrainTestSplit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The engine on the real ml-latest-small and the partial tag genome. Fails when env CI is set and
 * the shared data is missing; skips with a message otherwise.
 */
class MovieLensRealDataTest {

  @Test
  void als_beats_popularity_by_a_wide_margin_and_the_best_hybrid_matches_als() {
    Path shared = EngineTestData.sharedDatasets();
    TrainingData data = DataFolder.of(shared.resolve("ml-latest-small"), null).load();
    TrainTestSplit split = TrainTestSplit.of(data, 0.25, 42);

    ModelEvaluation.Report report =
        ModelEvaluation.holdout(
            split, new HybridTrainer(AlsConfig.defaults()), 10, ModelEvaluation.tenthSteps());

    double popularity = report.byName("popularity").ndcg();
    double als = report.byName("als").ndcg();
    double bestHybrid =
        report.results().stream()
            .filter(r -> r.name().startsWith("hybrid@"))
            .mapToDouble(Evaluator.Result::ndcg)
            .max()
            .orElseThrow();
    assertThat(report.byName("als").users()).isEqualTo(610);
    assertThat(popularity).isBetween(0.18, 0.26);
    assertThat(als).isGreaterThanOrEqualTo(1.5 * popularity);
    assertThat(bestHybrid).isGreaterThanOrEqualTo(als);
  }

  @Test
  void genome_movies_get_genome_vectors_and_readable_tags() {
    Path shared = EngineTestData.sharedDatasets();
    TrainingData data =
        DataFolder.of(shared.resolve("ml-latest-small"), shared.resolve("genome-partial")).load();
    ContentModel content = ContentModel.build(data);

    assertThat(content.genomeMovieCount()).isEqualTo(158);
    assertThat(content.kindOf(1)).contains(VectorKind.GENOME);
    assertThat(content.kindOf(2571)).contains(VectorKind.FALLBACK);
    // Toy Story
    assertThat(content.strongestGenomeTags(1, 10)).contains("pixar animation");
    assertThat(content.similarMovies(1, 5)).hasSize(5).noneMatch(m -> m.movieId() == 1);
  }
}

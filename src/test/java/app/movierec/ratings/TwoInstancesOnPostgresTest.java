package app.movierec.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.Application;
import app.movierec.TestDatabases;
import app.movierec.catalog.imports.DatasetStatusService;
import app.movierec.common.ProgressTracker;
import app.movierec.common.ScoredMovie;
import app.movierec.recommend.ModelLifecycle;
import app.movierec.recommend.ModelReady;
import app.movierec.recommend.RecommendationService;
import app.movierec.recommend.hybrid.BlendWeights;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one PostgreSQL database and one model folder: a rating written
 * through one is used by the other at once, a retrain on one leaves the other serving, and a
 * restart finds the data without importing it again.
 */
class TwoInstancesOnPostgresTest {

  private final Path models =
      Path.of("target", "two-instances", UUID.randomUUID().toString(), "models");
  private final String url = TestDatabases.newPostgresUrl();

  @Test
  void a_rating_through_one_instance_counts_in_the_other_and_a_retrain_corrupts_nothing()
      throws Exception {
    int visitor;
    Instant importedAt;
    try (ConfigurableApplicationContext first = start();
        ConfigurableApplicationContext second = start()) {
      importedAt =
          second.getBean(DatasetStatusService.class).current().orElseThrow().getImportedAt();
      RatingService ratingsOfFirst = first.getBean(RatingService.class);
      RatingService ratingsOfSecond = second.getBean(RatingService.class);
      visitor = ratingsOfFirst.createVisitor();
      ratingsOfFirst.rate(visitor, 1, 5.0);

      assertThat(ratingsOfSecond.userExists(visitor)).isTrue();
      assertThat(ratingsOfSecond.liveHistoryOf(visitor).movieIds()).containsExactly(1);
      RecommendationService recommender = second.getBean(RecommendationService.class);
      ModelReady.await(recommender, second.getBean(ProgressTracker.class));
      assertThat(recommender.recommend(visitor, BlendWeights.ofAlsWeight(0.5), 100))
          .isNotEmpty()
          .extracting(ScoredMovie::movieId)
          .doesNotContain(1);

      ratingsOfSecond.rate(visitor, 3, 4.0);
      assertThat(ratingsOfFirst.liveHistoryOf(visitor).movieIds()).containsExactly(1, 3);

      ModelReady.await(
          first.getBean(RecommendationService.class), first.getBean(ProgressTracker.class));
      first.getBean(ModelLifecycle.class).retrain().get(2, TimeUnit.MINUTES);
      assertThat(first.getBean(ModelLifecycle.class).require().trainedHistory(visitor)).isPresent();
      assertThat(recommender.recommend(visitor, BlendWeights.ofAlsWeight(0.5), 100))
          .extracting(ScoredMovie::movieId)
          .doesNotContain(1, 3);
    }

    try (ConfigurableApplicationContext restarted = start()) {
      assertThat(
              restarted.getBean(DatasetStatusService.class).current().orElseThrow().getImportedAt())
          .as("not imported again")
          .isEqualTo(importedAt);
      RatingService ratings = restarted.getBean(RatingService.class);
      assertThat(ratings.ratingCount()).isEqualTo(17);
      assertThat(ratings.storedHistoryOf(visitor).movieIds()).containsExactly(1, 3);
      RecommendationService recommender = restarted.getBean(RecommendationService.class);
      ModelReady.await(recommender, restarted.getBean(ProgressTracker.class));
      assertThat(restarted.getBean(ModelLifecycle.class).require().trainedHistory(visitor))
          .as("the model the first instance saved after its retrain")
          .isPresent();
    }
  }

  private ConfigurableApplicationContext start() {
    // arguments, as they must win over the test configuration's in-memory database
    return new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.SERVLET)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--movierec.model-dir=" + models);
  }
}

package app.movierec.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.Application;
import app.movierec.progress.ProgressTracker;
import app.movierec.recommend.Mode;
import app.movierec.recommend.ModelReady;
import app.movierec.recommend.RecommendationService;
import app.movierec.recommend.ScoredMovie;
import app.movierec.recommend.TrainingData;
import app.movierec.recommend.UserRecommendations;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Visitors and live ratings live in their own tables of a file database: they survive a restart of
 * the application and a re-import of the MovieLens tables, and the model trained after the restart
 * knows them.
 */
class LiveRatingPersistenceTest {

  private final Path dir =
      Path.of("target", "live-rating-persistence", UUID.randomUUID().toString());

  @Test
  void a_visitors_ratings_survive_a_restart_and_a_reimport_and_the_next_model_is_trained_on_them() {
    long visitor;
    try (ConfigurableApplicationContext first = start("fail")) {
      RatingService ratings = first.getBean(RatingService.class);
      visitor = ratings.createVisitor();
      ratings.rate(visitor, 1, 5.0);
      ratings.rate(visitor, 3, 4.5);
      ratings.rate(visitor, 3, 4.0); // replaces the 4.5
      ratings.rate(2, 6, 3.5); // a MovieLens user's new rating
      ratings.rate(2, 1, 1.0); // replaces their MovieLens 4.0
    }

    // on-error=skip changes the import settings, so this start re-imports the MovieLens tables
    try (ConfigurableApplicationContext second = start("skip")) {
      RatingService ratings = second.getBean(RatingService.class);
      assertThat(ratings.userExists(visitor)).isTrue();
      assertThat(ratings.effectiveRatingsOf(visitor))
          .containsOnlyKeys(1L, 3L)
          .containsEntry(3L, 4.0);
      assertThat(ratings.ratingsOf(visitor)).extracting(Rating::getMovieId).containsExactly(1, 3);
      assertThat(ratings.effectiveRatingsOf(2))
          .containsEntry(6L, 3.5)
          .containsEntry(1L, 1.0)
          .containsKeys(3L, 5L, 10L);
      TrainingData data = trainingData(second);
      assertThat(ratingsIn(data, 2)).containsEntry(1L, 1.0).containsEntry(6L, 3.5).hasSize(5);
      assertThat(ratingsIn(data, visitor))
          .containsExactlyInAnyOrderEntriesOf(Map.of(1L, 5.0, 3L, 4.0));
      assertThat(data.fingerprint()).contains("+live:");

      RecommendationService recommender = second.getBean(RecommendationService.class);
      ModelReady.await(recommender, second.getBean(ProgressTracker.class));
      assertThat(recommender.knowsUser(visitor)).isTrue();
      assertThat(
              second
                  .getBean(UserRecommendations.class)
                  .recommendForUser(visitor, Mode.HYBRID, 0.5, 100))
          .isNotEmpty()
          .extracting(ScoredMovie::movieId)
          .doesNotContain(1L, 3L);
    }
  }

  @SuppressWarnings("unchecked")
  private static TrainingData trainingData(ConfigurableApplicationContext context) {
    return ((Supplier<TrainingData>) context.getBean("trainingDataSupplier")).get();
  }

  /** A user's ratings in the training data; fails on a duplicate pair. */
  private static Map<Long, Double> ratingsIn(TrainingData data, long userId) {
    Map<Long, Double> result = new HashMap<>();
    for (int k = 0; k < data.ratingCount(); k++) {
      if (data.ratingUserIds()[k] == userId) {
        assertThat(result.put((long) data.ratingMovieIds()[k], (double) data.ratings()[k]))
            .as("duplicate")
            .isNull();
      }
    }
    return result;
  }

  private ConfigurableApplicationContext start(String onError) {
    return new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.SERVLET)
        // arguments, as they must win over the test configuration's in-memory database
        .run(
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:./"
                + dir.resolve("db")
                + ";DB_CLOSE_ON_EXIT=FALSE",
            "--movierec.model-dir=" + dir.resolve("models"),
            "--movierec.import.on-error=" + onError);
  }
}

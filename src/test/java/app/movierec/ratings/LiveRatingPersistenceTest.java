package app.movierec.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.Application;
import app.movierec.common.ProgressTracker;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TrainingData;
import app.movierec.common.TrainingDataSource;
import app.movierec.common.UserHistory;
import app.movierec.recommend.ModelLifecycle;
import app.movierec.recommend.ModelReady;
import app.movierec.recommend.RecommendationService;
import app.movierec.recommend.hybrid.BlendWeights;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
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
    int visitor;
    try (ConfigurableApplicationContext first = start("fail")) {
      RatingService ratings = first.getBean(RatingService.class);
      visitor = ratings.createVisitor().userId();
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
      UserHistory visitorsRatings = ratings.storedHistoryOf(visitor);
      assertThat(visitorsRatings.movieIds()).containsExactly(1, 3);
      assertThat(visitorsRatings.ratingOf(3)).isEqualTo(4.0f);
      assertThat(ratings.ratingsOf(visitor)).extracting(Rating::getMovieId).containsExactly(1, 3);
      UserHistory user2 = ratings.storedHistoryOf(2);
      assertThat(user2.ratingOf(6)).isEqualTo(3.5f);
      assertThat(user2.ratingOf(1)).isEqualTo(1.0f);
      assertThat(user2.movieIds()).contains(3, 5, 10);
      TrainingData data = trainingData(second);
      assertThat(ratingsIn(data, 2)).containsEntry(1, 1.0).containsEntry(6, 3.5).hasSize(5);
      assertThat(ratingsIn(data, visitor))
          .containsExactlyInAnyOrderEntriesOf(Map.of(1, 5.0, 3, 4.0));
      assertThat(data.fingerprint()).contains("+live:");

      RecommendationService recommender = second.getBean(RecommendationService.class);
      ModelReady.await(recommender, second.getBean(ProgressTracker.class));
      assertThat(second.getBean(ModelLifecycle.class).require().trainedHistory(visitor))
          .isPresent();
      assertThat(recommender.recommend(visitor, BlendWeights.ofAlsWeight(0.5), 100))
          .isNotEmpty()
          .extracting(ScoredMovie::movieId)
          .doesNotContain(1, 3);
    }
  }

  @Test
  void the_cheap_fingerprint_is_the_loaded_datas_and_moves_with_every_live_rating() {
    try (ConfigurableApplicationContext app = start("fail")) {
      TrainingDataSource source = app.getBean(TrainingDataSource.class);
      RatingService ratings = app.getBean(RatingService.class);
      String before = source.fingerprint().orElseThrow();
      assertThat(source.load().fingerprint()).isEqualTo(before);

      ratings.rate(2, 6, 3.5);
      String afterOne = source.fingerprint().orElseThrow();
      ratings.rate(2, 6, 4.0); // the same pair again, another value
      String afterReplace = source.fingerprint().orElseThrow();

      assertThat(afterOne).isNotEqualTo(before).startsWith(before);
      assertThat(afterReplace).isNotEqualTo(afterOne);
      assertThat(source.load().fingerprint()).isEqualTo(afterReplace);
    }
  }

  private static TrainingData trainingData(ConfigurableApplicationContext context) {
    return context.getBean(TrainingDataSource.class).load();
  }

  /** A user's ratings in the training data; fails on a duplicate pair. */
  private static Map<Integer, Double> ratingsIn(TrainingData data, int userId) {
    Map<Integer, Double> result = new HashMap<>();
    for (int k = 0; k < data.ratingCount(); k++) {
      if (data.ratingUserIds()[k] == userId) {
        assertThat(result.put(data.ratingMovieIds()[k], (double) data.ratings()[k]))
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

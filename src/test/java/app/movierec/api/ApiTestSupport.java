package app.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.progress.ProgressTracker;
import app.movierec.recommend.RecommendationService;
import java.time.Duration;

/** Shared waiting for the background training the tests' application contexts start. */
final class ApiTestSupport {

  private ApiTestSupport() {}

  static void awaitReady(RecommendationService service, ProgressTracker progress) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!service.ready()) {
      assertThat(progress.current().failed()).as(progress.current().toString()).isFalse();
      assertThat(System.nanoTime()).as("training did not finish in time").isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}

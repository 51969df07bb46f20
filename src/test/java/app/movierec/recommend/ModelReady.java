package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.ProgressTracker;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * Waits for the model that an application context trains in the background after its start-up
 * import; fails at once when the training fails, and after the timeout when it never ends.
 */
public final class ModelReady {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

  private ModelReady() {}

  public static void await(RecommendationService service, ProgressTracker progress) {
    await(service, progress, DEFAULT_TIMEOUT);
  }

  public static void await(
      RecommendationService service, ProgressTracker progress, Duration timeout) {
    Awaitility.await("the model")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(
            () -> {
              if (progress != null) {
                assertThat(progress.current().failed()).as(progress.current().toString()).isFalse();
              }
              assertThat(service.ready()).isTrue();
            });
  }
}

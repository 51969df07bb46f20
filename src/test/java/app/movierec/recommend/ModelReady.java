package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.progress.ProgressTracker;
import java.time.Duration;

/**
 * Waits for the model that an application context trains in the background after its start-up
 * import; fails at once when the training fails, and after {@code timeout} when it never ends.
 */
public final class ModelReady {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

  private ModelReady() {}

  public static void await(RecommendationService service, ProgressTracker progress) {
    await(service, progress, DEFAULT_TIMEOUT);
  }

  public static void await(
      RecommendationService service, ProgressTracker progress, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!service.ready()) {
      if (progress != null) {
        assertThat(progress.current().failed()).as(progress.current().toString()).isFalse();
      }
      assertThat(System.nanoTime())
          .as("the model was not ready within " + timeout)
          .isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}

package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * {@code movierec.retrain.interval}: off when empty, retrains at the interval once the model is
 * ready, never before.
 */
class PeriodicRetrainTest {

  private final ModelLifecycle models = mock(ModelLifecycle.class);

  @Test
  void is_off_without_an_interval() {
    try (var context = context("")) {
      assertThat(context.getBeanNamesForType(PeriodicRetrain.class)).isEmpty();
    }
  }

  @Test
  void retrains_at_the_interval_once_the_model_is_ready() {
    when(models.ready()).thenReturn(true);
    when(models.retrain()).thenReturn(CompletableFuture.completedFuture(null));

    try (var context = context("50ms")) {
      // Counted from the recorded invocations: verify(...).retrain() on this inline mock of a class
      // whose synchronized retrain() calls busy() did not see the calls Mockito had recorded.
      await().atMost(Duration.ofSeconds(5)).until(() -> calls("retrain") >= 2);
    }
  }

  private long calls(String method) {
    return mockingDetails(models).getInvocations().stream()
        .filter(invocation -> invocation.getMethod().getName().equals(method))
        .count();
  }

  @Test
  void reads_iso_durations_and_skips_while_the_first_model_trains() {
    when(models.ready()).thenReturn(false);

    try (var context = context("PT0.02S")) {
      verify(models, timeout(5_000).atLeast(3)).ready();
      verify(models, never()).retrain();
    }
  }

  private AnnotationConfigApplicationContext context(String interval) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("test", Map.of("movierec.retrain.interval", interval)));
    context.registerBean(ModelLifecycle.class, () -> models);
    context.register(Scheduling.class, PeriodicRetrain.class);
    context.refresh();
    return context;
  }

  @Configuration
  @EnableScheduling
  static class Scheduling {}
}

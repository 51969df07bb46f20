package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code movierec.retrain.interval}: off when empty, retrains at the interval once the model is
 * ready.
 */
class PeriodicRetrainTest {

  private final RecommendationService recommender = mock(RecommendationService.class);

  @Test
  void is_off_without_an_interval() {
    PeriodicRetrain periodic = new PeriodicRetrain(recommender, "");
    assertThat(periodic.enabled()).isFalse();
    periodic.destroy();
  }

  @Test
  void retrains_at_the_interval_once_the_model_is_ready() {
    when(recommender.ready()).thenReturn(true);
    when(recommender.retrain()).thenReturn(CompletableFuture.completedFuture(null));

    PeriodicRetrain periodic = new PeriodicRetrain(recommender, "50ms");
    try {
      assertThat(periodic.enabled()).isTrue();
      verify(recommender, timeout(5_000).atLeast(2)).retrain();
    } finally {
      periodic.destroy();
    }
  }

  @Test
  void skips_while_the_first_model_trains() throws InterruptedException {
    when(recommender.ready()).thenReturn(false);
    PeriodicRetrain periodic = new PeriodicRetrain(recommender, "PT0.02S");
    try {
      verify(recommender, timeout(5_000).atLeast(3)).ready();
      verify(recommender, never()).retrain();
    } finally {
      periodic.destroy();
    }
  }

  @Test
  void rejects_a_zero_interval() {
    assertThatThrownBy(() -> new PeriodicRetrain(recommender, "0s"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package app.movierec.recommend;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code movierec.retrain.interval} (e.g. {@code PT1H} or {@code 1h}; empty = off): retrains that
 * often so live ratings get into the trained model while the current one keeps serving. Runs never
 * overlap (a fixed delay after each finished retrain) and are skipped until the first model is
 * ready.
 */
@Component
@ConditionalOnExpression("!'${movierec.retrain.interval:}'.isBlank()")
class PeriodicRetrain {

  private static final Logger log = LoggerFactory.getLogger(PeriodicRetrain.class);

  private final ModelLifecycle models;

  PeriodicRetrain(ModelLifecycle models) {
    this.models = models;
  }

  @Scheduled(
      initialDelayString = "${movierec.retrain.interval}",
      fixedDelayString = "${movierec.retrain.interval}")
  void retrain() {
    if (!models.ready()) {
      return;
    }
    log.info("Periodic retrain");
    try {
      models.retrain().join();
    } catch (RuntimeException e) {
      log.warn("Periodic retrain failed: {}", e.getMessage());
    }
  }
}

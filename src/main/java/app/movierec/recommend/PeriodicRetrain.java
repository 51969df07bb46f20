package app.movierec.recommend;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * {@code movierec.retrain.interval} (e.g. {@code PT1H} or {@code 1h}; empty = off): retrains the
 * recommender that often so live ratings get into the trained model, while the current model keeps
 * serving. Runs are never overlapping (fixed delay after each finished retrain) and skipped until
 * the first model is ready.
 */
@Component
class PeriodicRetrain implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PeriodicRetrain.class);

  private final ThreadPoolTaskScheduler scheduler;

  PeriodicRetrain(
      RecommendationService recommender, @Value("${movierec.retrain.interval:}") String interval) {
    if (interval == null || interval.isBlank()) {
      scheduler = null;
      return;
    }
    Duration every = DurationStyle.detectAndParse(interval.trim());
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException(
          "movierec.retrain.interval must be positive, got " + interval);
    }
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("periodic-retrain-");
    scheduler.setDaemon(true);
    scheduler.initialize();
    scheduler.scheduleWithFixedDelay(
        () -> {
          if (!recommender.ready()) {
            return;
          }
          log.info("Periodic retrain (every {})", every);
          try {
            recommender.retrain().join();
          } catch (RuntimeException e) {
            log.warn("Periodic retrain failed: {}", e.getMessage());
          }
        },
        Instant.now().plus(every),
        every);
    log.info("Retraining every {}", every);
  }

  boolean enabled() {
    return scheduler != null;
  }

  @Override
  public void destroy() {
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }
}

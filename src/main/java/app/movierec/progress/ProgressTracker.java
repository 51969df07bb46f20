package app.movierec.progress;

import app.movierec.progress.Progress.Stage;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that knows how far start-up got: the download, the import and the training report
 * here, the UI reads {@link #current()} (thread-safe, lock-free). The log mirrors it: a line for
 * each new phase and for every quarter of a phase's work, so a long import or download shows
 * progress in the console too.
 */
@Component
public class ProgressTracker {

  private static final Logger log = LoggerFactory.getLogger(ProgressTracker.class);
  private static final int LOGGED_STEPS = 4;

  private final AtomicReference<Progress> current =
      new AtomicReference<>(new Progress(Stage.STARTING, "Starting", -1, null));

  public Progress current() {
    return current.get();
  }

  public void update(Stage stage, String phase, double fraction) {
    Progress previous = current.getAndSet(new Progress(stage, phase, fraction, null));
    boolean newPhase = previous.stage() != stage || !previous.phase().equals(phase);
    if (newPhase || step(fraction) > step(previous.fraction())) {
      if (fraction >= 0) {
        log.info("{}: {}%", phase, Math.round(fraction * 100));
      } else {
        log.info("{}", phase);
      }
    }
  }

  public void ready(String phase) {
    current.set(new Progress(Stage.READY, phase, 1, null));
    log.info("{}", phase);
  }

  public void failed(String phase, String error) {
    current.set(new Progress(Stage.FAILED, phase, -1, error));
  }

  private static int step(double fraction) {
    return fraction < 0 ? -1 : (int) Math.floor(fraction * LOGGED_STEPS);
  }
}

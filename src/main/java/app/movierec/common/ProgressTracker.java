package app.movierec.common;

import app.movierec.common.Progress.Stage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that knows how far the app's long work got: the download, the import and the
 * training report here; pages read {@link #current()} (thread-safe, lock-free) and {@linkplain
 * #subscribe subscribe} to be told of every change (they push it to the browser). The log mirrors
 * it: a line for each new phase and for every quarter of a phase's work, so a long import or
 * download shows progress in the console too.
 */
@Component
public class ProgressTracker {

  private static final Logger log = LoggerFactory.getLogger(ProgressTracker.class);
  private static final int LOGGED_STEPS = 4;

  private final AtomicReference<Progress> current =
      new AtomicReference<>(new Progress(Stage.STARTING, "Starting", -1, null));
  private final List<Consumer<Progress>> subscribers = new CopyOnWriteArrayList<>();

  public Progress current() {
    return current.get();
  }

  /**
   * Calls {@code subscriber} with every new progress, on the reporting thread (so it must be quick
   * and hand real work elsewhere, e.g. to Vaadin's {@code UI.access}). Returns what unsubscribes.
   */
  public Runnable subscribe(Consumer<Progress> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  public void update(Stage stage, String phase, double fraction) {
    Progress next = new Progress(stage, phase, fraction, null);
    Progress previous = current.getAndSet(next);
    boolean newPhase = previous.stage() != stage || !previous.phase().equals(phase);
    if (newPhase || step(fraction) > step(previous.fraction())) {
      if (fraction >= 0) {
        log.info("{}: {}%", phase, Math.round(fraction * 100));
      } else {
        log.info("{}", phase);
      }
    }
    publish(next);
  }

  /** A listener that reports to this tracker under {@code stage}. */
  public ProgressListener listener(Stage stage) {
    return (phase, fraction) -> update(stage, phase, fraction);
  }

  public void ready(String phase) {
    Progress next = new Progress(Stage.READY, phase, 1, null);
    current.set(next);
    log.info("{}", phase);
    publish(next);
  }

  public void failed(String phase, String error) {
    Progress next = new Progress(Stage.FAILED, phase, -1, error);
    current.set(next);
    publish(next);
  }

  private void publish(Progress progress) {
    for (Consumer<Progress> subscriber : subscribers) {
      try {
        subscriber.accept(progress);
      } catch (RuntimeException e) {
        log.warn("A progress subscriber failed: {}", e.toString());
      }
    }
  }

  private static int step(double fraction) {
    return fraction < 0 ? -1 : (int) Math.floor(fraction * LOGGED_STEPS);
  }
}

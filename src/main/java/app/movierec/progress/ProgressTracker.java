package app.movierec.progress;

import app.movierec.progress.Progress.Stage;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The one place that knows how far start-up got: the download, the import and the training report here, the UI reads
 * {@link #current()} (thread-safe, lock-free).
 */
@Component
public class ProgressTracker {

  private final AtomicReference<Progress> current =
      new AtomicReference<>(new Progress(Stage.STARTING, "Starting", -1, null));

  public Progress current() {
    return current.get();
  }

  public void update(Stage stage, String phase, double fraction) {
    current.set(new Progress(stage, phase, fraction, null));
  }

  public void ready(String phase) {
    current.set(new Progress(Stage.READY, phase, 1, null));
  }

  public void failed(String phase, String error) {
    current.set(new Progress(Stage.FAILED, phase, -1, error));
  }
}

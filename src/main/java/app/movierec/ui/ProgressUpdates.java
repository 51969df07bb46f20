package app.movierec.ui;

import app.movierec.common.Progress;
import app.movierec.common.ProgressTracker;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.function.Consumer;

/**
 * Pushes the app's progress to a view while it is attached: each change runs {@code onProgress} in
 * {@link UI#access} and reaches the browser through server push ({@code @Push} on {@link
 * AppShell}), so no view polls.
 */
public final class ProgressUpdates {

  private ProgressUpdates() {}

  public static void follow(
      Component view, ProgressTracker tracker, Consumer<Progress> onProgress) {
    view.addAttachListener(
        attach -> {
          UI ui = attach.getUI();
          Runnable unsubscribe =
              tracker.subscribe(progress -> ui.access(() -> onProgress.accept(progress)));
          view.addDetachListener(
              detach -> {
                unsubscribe.run();
                detach.unregisterListener();
              });
        });
  }
}

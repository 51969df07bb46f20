package app.movierec.ui.admin;

import app.movierec.common.Progress;
import app.movierec.common.ProgressTracker;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.HybridModel;
import app.movierec.recommend.ModelLifecycle;
import app.movierec.ui.MainLayout;
import app.movierec.ui.ProgressUpdates;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@code /admin}: a "Retrain now" button that retrains the recommender from the database (MovieLens
 * ratings plus the live ones) in the background while the current model keeps serving, with the
 * training progress; and whether {@code movierec.retrain.interval} retrains periodically.
 */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Admin · movierec")
public class AdminView extends Div {

  private final Button retrain = new Button("Retrain now");
  private final Paragraph phase = new Paragraph();
  private final ProgressBar bar = new ProgressBar();
  private final Paragraph outcome = new Paragraph();
  private final Paragraph live = new Paragraph();
  private CompletableFuture<HybridModel> running;
  private ModelLifecycle models;

  public AdminView(
      ModelLifecycle models,
      ProgressTracker tracker,
      RatingService ratings,
      @Value("${movierec.retrain.interval:}") String interval) {
    addClassName("mr-section");
    setId("admin-view");
    retrain.setId("retrain");
    retrain.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    phase.setId("phase");
    outcome.setId("outcome");
    Paragraph periodic =
        new Paragraph(
            interval == null || interval.isBlank()
                ? "Periodic retraining is off (set movierec.retrain.interval, e.g. PT1H, to turn it on)."
                : "Retraining every " + interval.trim() + " (movierec.retrain.interval).");
    periodic.setId("periodic");
    live.setId("live-ratings");
    var title = new H1("Admin");
    title.addClassName("mr-page-title");
    var intro =
        new Paragraph(
            "Ratings given in the app count at once through fold-in; a retrain puts them into the"
                + " model itself.");
    intro.addClassName("mr-section__subtitle");
    outcome.addClassName("mr-status__outcome");
    var model = new Div(new H2("Model"), live, periodic, retrain, phase, bar, outcome);
    model.addClassNames("mr-panel", "mr-status");
    add(title, intro, model);

    retrain.addClickListener(
        click -> {
          boolean joined = models.busy();
          follow(
              models.retrain(),
              joined
                  ? "Already retraining: your click joined the retrain that is running (one"
                      + " retrain, not another queued)."
                  : "Retraining; the current model keeps serving until the new one is ready.");
        });
    this.models = models;
    refresh(tracker.current(), ratings);
    ProgressUpdates.follow(this, tracker, progress -> refresh(progress, ratings));
  }

  /** The retrain this page follows (started or joined here, or elsewhere); null before one. */
  public CompletableFuture<HybridModel> lastRetrain() {
    return running;
  }

  /**
   * Shows {@code retraining} until it ends: the button is off meanwhile (one retrain at a time,
   * whoever started it), then the outcome.
   */
  private void follow(CompletableFuture<HybridModel> retraining, String message) {
    if (retraining == running && !retrain.isEnabled()) {
      return;
    }
    running = retraining;
    retrain.setEnabled(false);
    retrain.setText("Retraining…");
    outcome.setText(message);
    UI ui = UI.getCurrent();
    retraining.whenComplete(
        (done, error) ->
            ui.access(
                () -> {
                  if (running != retraining) {
                    return;
                  }
                  retrain.setEnabled(true);
                  retrain.setText("Retrain now");
                  outcome.setText(
                      error == null
                          ? "Retrained: the new model is serving."
                          : "Retraining failed: "
                              + (error.getCause() == null
                                  ? error.getMessage()
                                  : error.getCause().getMessage()));
                }));
  }

  private void refresh(Progress progress, RatingService ratings) {
    phase.setText(
        progress.failed() ? progress.phase() + ": " + progress.error() : progress.phase());
    bar.setVisible(!progress.ready() && !progress.failed());
    bar.setIndeterminate(progress.fraction() < 0);
    if (progress.fraction() >= 0) {
      bar.setValue(Math.min(1, progress.fraction()));
    }
    live.setText(ratings.liveRatingCount() + " ratings given in the app so far.");
    if (models != null) { // a retrain started elsewhere (another session, the API, the schedule)
      models
          .runningRetrain()
          .ifPresent(
              retraining ->
                  follow(
                      retraining,
                      "Already retraining (started elsewhere); the current model keeps serving."));
    }
  }
}

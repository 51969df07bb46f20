package app.movierec.ui;

import app.movierec.catalog.CatalogCounts;
import app.movierec.catalog.CatalogService;
import app.movierec.catalog.imports.DatasetStatusService;
import app.movierec.common.Progress;
import app.movierec.common.ProgressTracker;
import app.movierec.ratings.RatingService;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

/**
 * A plain page showing which dataset the database holds and how many rows of each kind, so a user
 * sees the import worked.
 */
@Route("status")
@PageTitle("Movie recommender: data status")
public class StatusView extends VerticalLayout {

  private final Paragraph dataset = new Paragraph();
  private final Paragraph counts = new Paragraph();
  private final Paragraph phase = new Paragraph();
  private final ProgressBar bar = new ProgressBar();

  public StatusView(
      DatasetStatusService status,
      CatalogService catalog,
      RatingService ratings,
      ProgressTracker tracker) {
    add(new H1("Movie recommender"), phase, bar, dataset, counts);
    dataset.setId("dataset");
    counts.setId("counts");
    refresh(status, catalog, ratings, tracker.current());
    add(new RouterLink("Back to the recommendations", RecommendationsView.class));
    ProgressUpdates.follow(
        this,
        tracker,
        progress -> {
          showProgress(progress);
          if (progress.ready() || progress.failed()) {
            refresh(status, catalog, ratings, progress);
          }
        });
  }

  private void refresh(
      DatasetStatusService status,
      CatalogService catalog,
      RatingService ratings,
      Progress progress) {
    showProgress(progress);
    status
        .current()
        .ifPresentOrElse(
            imported -> {
              CatalogCounts c = catalog.counts();
              dataset.setText(
                  "Dataset: "
                      + imported.getDataset()
                      + " (imported "
                      + imported.getImportedAt()
                      + ")");
              counts.setText(
                  String.format(
                      "%,d movies, %,d links, %,d ratings by %,d users, %,d tags, genome: %,d tags x %,d movies",
                      c.movies(),
                      c.links(),
                      ratings.ratingCount(),
                      ratings.userCount(),
                      c.userTags(),
                      c.genomeTags(),
                      c.genomeMovies()));
            },
            () -> dataset.setText("No dataset imported yet."));
  }

  private void showProgress(Progress progress) {
    phase.setText(
        progress.failed() ? progress.phase() + ": " + progress.error() : progress.phase());
    bar.setVisible(!progress.ready() && !progress.failed());
    bar.setIndeterminate(progress.fraction() < 0);
    if (progress.fraction() >= 0) {
      bar.setValue(Math.min(1, progress.fraction()));
    }
  }
}

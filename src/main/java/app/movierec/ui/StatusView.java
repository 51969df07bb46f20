package app.movierec.ui;

import app.movierec.catalog.CatalogCounts;
import app.movierec.catalog.CatalogService;
import app.movierec.catalog.imports.DatasetStatusService;
import app.movierec.common.Progress;
import app.movierec.common.ProgressTracker;
import app.movierec.ratings.RatingService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code /status}: which dataset the database holds and how many rows of each kind, so a user sees
 * the import worked, and what the app is doing now (download, import, training, ready).
 */
@Route(value = "status", layout = MainLayout.class)
@PageTitle("Data status · movierec")
public class StatusView extends Div {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Paragraph dataset = new Paragraph();
  private final Paragraph counts = new Paragraph();
  private final Div tiles = new Div();
  private final Paragraph phase = new Paragraph();
  private final ProgressBar bar = new ProgressBar();

  public StatusView(
      DatasetStatusService status,
      CatalogService catalog,
      RatingService ratings,
      ProgressTracker tracker) {
    addClassName("mr-section");
    setId("status-view");
    var title = new H1("Data and import status");
    title.addClassName("mr-page-title");
    dataset.setId("dataset");
    dataset.addClassName("mr-section__subtitle");
    counts.setId("counts");
    counts.addClassName("mr-status__counts");
    tiles.addClassName("mr-tiles");
    phase.setId("phase");
    var now = new Div(new H2("Now"), phase, bar);
    now.addClassNames("mr-panel", "mr-status");
    var data = new Div(new H2("In the database"), dataset, tiles, counts);
    data.addClassName("mr-panel");
    add(title, now, data);
    refresh(status, catalog, ratings, tracker.current());
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
    tiles.removeAll();
    status
        .current()
        .ifPresentOrElse(
            imported -> {
              CatalogCounts c = catalog.counts();
              dataset.setText(
                  "Dataset "
                      + imported.getDataset()
                      + ", imported "
                      + WHEN.format(imported.getImportedAt())
                      + ".");
              tiles.add(
                  tile("movies", c.movies()),
                  tile("ratings", ratings.ratingCount()),
                  tile("users", ratings.userCount()),
                  tile("tags", c.userTags()),
                  tile("genome movies", c.genomeMovies()),
                  tile("ratings given here", ratings.liveRatingCount()));
              counts.setText(
                  String.format(
                      Locale.ROOT,
                      "%,d movies, %,d links, %,d ratings by %,d users, %,d tags, genome: %,d tags x"
                          + " %,d movies",
                      c.movies(),
                      c.links(),
                      ratings.ratingCount(),
                      ratings.userCount(),
                      c.userTags(),
                      c.genomeTags(),
                      c.genomeMovies()));
            },
            () -> {
              dataset.setText("No dataset imported yet.");
              counts.setText("");
            });
  }

  private static Div tile(String label, long value) {
    var number = new Span(String.format(Locale.ROOT, "%,d", value));
    number.addClassName("mr-tile__value");
    var name = new Span(label);
    name.addClassName("mr-tile__label");
    var tile = new Div(number, name);
    tile.addClassName("mr-tile");
    return tile;
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

package app.movierec.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.movierec.catalog.CatalogService;
import app.movierec.catalog.imports.DatasetChoice;
import app.movierec.common.Progress.Stage;
import app.movierec.common.ProgressTracker;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.RecommendationService;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.TaskScheduler;

/**
 * What the main page shows before the model is ready: the progress, then the page by itself (pushed
 * from the server, never polled), or the error.
 */
class RecommendationsViewProgressTest {

  private final AtomicBoolean ready = new AtomicBoolean();
  private final ProgressTracker progress = new ProgressTracker();
  private final DatasetChoice datasetChoice = mock(DatasetChoice.class);
  private RecommendationsView view;

  @BeforeEach
  void setUp() {
    MockVaadin.setup(new Routes(Set.of(StatusView.class), Set.of(), true));
    RecommendationService recommender = mock(RecommendationService.class);
    when(recommender.ready()).thenAnswer(invocation -> ready.get());
    MovieCardService cards = mock(MovieCardService.class);
    when(cards.recommendationCards(any(), any(), any()))
        .thenReturn(new MovieCardService.Cards(List.of(), CompletableFuture.completedFuture(null)));
    view =
        new RecommendationsView(
            recommender,
            mock(CatalogService.class),
            mock(RatingService.class),
            cards,
            progress,
            datasetChoice,
            mock(TaskScheduler.class));
  }

  @AfterEach
  void tearDown() {
    MockVaadin.tearDown();
  }

  /** What reaches the browser: the tasks that server push queued with {@code UI.access}. */
  private static void roundTrip() {
    MockVaadin.clientRoundtrip(false);
  }

  @Test
  void shows_the_training_phase_and_its_progress_until_the_model_is_ready() {
    progress.update(Stage.TRAINING, "ALS iteration 3 of 15", 0.2);
    UI.getCurrent().add(view);

    assertThat(_get(Span.class, spec -> spec.withId("progress-phase")).getText())
        .isEqualTo("ALS iteration 3 of 15");
    assertThat(_get(ProgressBar.class).getValue()).isEqualTo(0.2);
    assertThat(_find(Div.class, spec -> spec.withId("recommendations"))).isEmpty();
    assertThat(UI.getCurrent().getPollInterval()).as("pushed, not polled").isEqualTo(-1);

    progress.update(Stage.TRAINING, "ALS iteration 9 of 15", 0.6);
    roundTrip();
    assertThat(_get(Span.class, spec -> spec.withId("progress-phase")).getText())
        .isEqualTo("ALS iteration 9 of 15");
  }

  @Test
  void shows_the_page_without_a_reload_once_the_model_is_ready_pushed_from_the_server() {
    progress.update(Stage.IMPORTING, "Importing ratings.csv", -1);
    UI.getCurrent().add(view);
    assertThat(_get(ProgressBar.class).isIndeterminate()).isTrue();

    ready.set(true);
    progress.ready("Recommender ready");
    roundTrip();

    assertThat(_find(Div.class, spec -> spec.withId("progress"))).isEmpty();
    assertThat(_get(Div.class, spec -> spec.withId("recommendations"))).isNotNull();
    assertThat(_get(Paragraph.class, spec -> spec.withId("grid-empty")).getText())
        .contains("Type a user id");
  }

  @Test
  void shows_the_error_when_the_import_or_training_failed() {
    progress.failed(
        "The MovieLens import failed", "ratings.csv line 12: rating 7.0 outside 0.5-5.0");
    UI.getCurrent().add(view);

    assertThat(_get(Paragraph.class, spec -> spec.withId("progress-error")).getText())
        .isEqualTo("ratings.csv line 12: rating 7.0 outside 0.5-5.0");
    assertThat(_get(Span.class, spec -> spec.withId("progress-phase")).getText())
        .isEqualTo("The MovieLens import failed");
    assertThat(_find(ProgressBar.class)).isEmpty();
  }

  @Test
  void offers_the_datasets_with_sizes_when_the_start_up_waits_for_a_choice() {
    when(datasetChoice.waiting()).thenReturn(true);
    progress.update(Stage.STARTING, "Waiting for a dataset to be chosen on the first page", -1);
    UI.getCurrent().add(view);

    Div choice = _get(Div.class, spec -> spec.withId("dataset-choice"));
    assertThat(choice.getElement().getTextRecursively())
        .contains("ml-latest-small", "1 MB", "ml-25m", "250 MB", "13,816", "mini, 100 movies");

    _click(_get(Button.class, spec -> spec.withId("choose-mini")));

    verify(datasetChoice).choose(DatasetChoice.Option.MINI);
  }
}

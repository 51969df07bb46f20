package app.movierec.ui;

import app.movierec.catalog.CatalogService;
import app.movierec.catalog.MovieListing;
import app.movierec.catalog.imports.DatasetChoice;
import app.movierec.common.Progress;
import app.movierec.common.ProgressTracker;
import app.movierec.common.ScoredMovie;
import app.movierec.common.UnknownUserException;
import app.movierec.ratings.Rating;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.Mode;
import app.movierec.recommend.RecommendationService;
import app.movierec.ui.components.MovieCard;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * The main page: pick a MovieLens user (or a visitor), see their taste and favourites, choose
 * Hybrid, similar users (ALS) or similar content, and for Hybrid blend the two with the slider; the
 * poster grid re-ranks live and each card says how well it matches ({@link
 * app.movierec.ui.components.MatchScore}), with the maths behind "How the scores work". Its state
 * lives in the URL ({@link BrowseState}): a new user or tab is a new browser-history entry, so Back
 * returns to the one before; the slider only rewrites the current entry. While the dataset is
 * chosen, downloaded, imported or the model trains it shows that instead, and the grid appears by
 * itself when the model is ready (pushed from the server).
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Recommendations · movierec")
public class RecommendationsView extends Div
    implements BeforeEnterObserver, AfterNavigationObserver {

  private static final Logger log = LoggerFactory.getLogger(RecommendationsView.class);
  static final int GRID_SIZE = 24;

  /**
   * How long the slider must rest before the DOM is put back in rank order, should its "change"
   * event be missed.
   */
  private static final long SLIDER_REST_NANOS = 250_000_000L;

  private final RecommendationService recommender;
  private final TaskScheduler scheduler;
  private final CatalogService catalog;
  private final RatingService ratings;
  private final MovieCardService cards;
  private final ProgressTracker progress;
  private final DatasetChoice datasetChoice;

  private final Div notes = new Div();
  private final Div preparing = new Div();
  private final Span phase = new Span();
  private final ProgressBar progressBar = new ProgressBar();
  private final Paragraph failure = new Paragraph();
  private final DatasetChooser chooser;
  private final Div main = new Div();
  private final TextField userField = new TextField("User id");
  private final UserProfile profile = new UserProfile();
  private final Map<Mode, Tab> tabsByMode = new EnumMap<>(Mode.class);
  private final Tabs tabs = new Tabs();
  private final Div blend = new Div();
  private final DecimalSlider slider = new DecimalSlider(0, 1);
  private final Span alsLegend = new Span();
  private final Span contentLegend = new Span();
  private final Details maths = new Details();
  private final Paragraph mathsBlend = new Paragraph();
  private final Div grid = new Div();
  private final Paragraph empty = new Paragraph();

  private BrowseState state = BrowseState.DEFAULT;
  private List<String> shownNotes = List.of();

  /** True while components are being set from a state, so their listeners do not echo it back. */
  private boolean applyingState;

  private boolean gridShown;
  private Integer checkedUserId;
  private boolean checkedUserExists;

  /**
   * After a live re-blend the DOM may be out of rank order (see renderGrid) until the slider rests.
   */
  private boolean domOutOfOrder;

  private long lastLiveRenderNanos;

  public RecommendationsView(
      RecommendationService recommender,
      CatalogService catalog,
      RatingService ratings,
      MovieCardService cards,
      ProgressTracker progress,
      DatasetChoice datasetChoice,
      TaskScheduler scheduler) {
    this.recommender = recommender;
    this.scheduler = scheduler;
    this.catalog = catalog;
    this.ratings = ratings;
    this.cards = cards;
    this.progress = progress;
    this.datasetChoice = datasetChoice;
    addClassName("mr-section");
    setId("recommendations-view");

    var title = new H1("Recommendations");
    title.addClassName("mr-page-title");
    var newHere = new Anchor("start", "rate a few movies");
    newHere.setId("new-here-link");
    var subtitle =
        new Paragraph(
            new Span("Pick a MovieLens user to see what the hybrid recommender suggests, or "),
            newHere,
            new Span(" to get your own."));
    subtitle.addClassName("mr-section__subtitle");
    var header = new Div(title, subtitle);
    header.addClassName("mr-header");

    notes.addClassName("mr-notes");
    notes.setId("url-notes");
    notes.setVisible(false);

    preparing.addClassName("mr-status");
    preparing.setId("progress");
    phase.setId("progress-phase");
    failure.setId("progress-error");
    failure.addClassName("mr-status__error");
    chooser = new DatasetChooser(datasetChoice);
    chooser.setVisible(false);
    preparing.add(chooser, new Span("Preparing the recommender…"), phase, progressBar, failure);

    userField.setId("user-id");
    userField.setPlaceholder("e.g. 42");
    userField.setClearButtonVisible(true);
    userField.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    userField.addValueChangeListener(change -> onUserTyped(change.getValue()));
    var show = new Button("Show", click -> onUserTyped(userField.getValue()));
    show.setId("show-user");
    show.addClickShortcut(Key.ENTER).listenOn(userField);
    var random = new Button("Random user", click -> showRandomUser());
    random.setId("random-user");
    random.addThemeVariants(ButtonVariant.PRIMARY);
    var toolbar = new Div(userField, show, random);
    toolbar.addClassName("mr-toolbar");

    tabs.addClassName("mr-tabs");
    tabs.setId("mode-tabs");
    for (Mode mode : Mode.values()) {
      var tab =
          new Tab(
              switch (mode) {
                case HYBRID -> "Hybrid";
                case ALS -> "Similar users";
                case CONTENT -> "Similar content";
              });
      tab.setId("tab-" + mode.name().toLowerCase(Locale.ROOT));
      tab.setTooltipText(
          switch (mode) {
            case HYBRID -> "Both, weighted by the slider: α for ALS, β = 1 − α for content";
            case ALS ->
                "ALS (collaborative filtering) only: what people with similar ratings liked";
            case CONTENT ->
                "Content only: movies whose genome tags (or genres and tags) resemble the user's"
                    + " favourites";
          });
      tabsByMode.put(mode, tab);
      tabs.add(tab);
    }
    tabs.addSelectedChangeListener(change -> onModeChosen(modeOf(change.getSelectedTab())));

    slider.setId("blend-slider");
    slider.addClassName("mr-blend-slider");
    slider.setStep(BrowseState.ALS_WEIGHT_STEP);
    slider.setAriaLabel(
        "Blend of similar users (the share left of the thumb, α, the ALS weight) and similar"
            + " content (the rest, β = 1 − α)");
    // Every step of the drag reaches the server, so the grid re-blends while the thumb moves.
    slider.setValueChangeMode(ValueChangeMode.EAGER);
    slider.addValueChangeListener(
        change -> {
          if (change.getValue() != null) {
            onAlsWeightChosen(change.getValue());
          }
        });
    // Released: put the DOM in rank order too (see renderGrid), and write the address once more;
    // a timer does both too, should "change" be missed.
    slider
        .getElement()
        .addEventListener(
            "change",
            release -> {
              renderGrid(false);
              updateUrl();
            });
    alsLegend.addClassName("mr-blend__als");
    alsLegend.setId("als-weight");
    contentLegend.addClassName("mr-blend__content");
    contentLegend.setId("content-weight");
    // A proportion bar: similar users (ALS) fill it from the left up to the thumb, similar content
    // the rest.
    var legend = new Div(alsLegend, contentLegend);
    legend.addClassName("mr-blend__legend");
    blend.addClassName("mr-blend");
    blend.setId("blend");
    blend.add(legend, slider);
    var modes = new Div(tabs, blend);
    modes.addClassName("mr-modes");
    maths.setId("how-it-works");
    maths.addClassName("mr-maths");
    maths.setSummaryText("How the scores work");
    mathsBlend.setId("maths-blend");
    maths.add(
        new Paragraph(
            "Two models score every movie the user has not rated. Similar users (ALS, implicit"
                + " alternating least squares): people whose ratings resemble this user's liked it."
                + " Similar content: its tag-genome profile, or for movies without one its genres"
                + " and users' tags, resembles the movies this user rated."),
        new Paragraph(
            "Each model's scores are turned into z-scores over this user's unrated movies: 0 is"
                + " their average candidate, +1 one standard deviation above it. The Hybrid tab"
                + " ranks by α × ALS + β × content."),
        mathsBlend,
        new Paragraph(
            "The match on a card is the standard-normal percentile of its score, after dividing"
                + " a blended score by √(α² + β²) (its spread, were the two parts independent):"
                + " about the share of the unrated catalogue it beats, were the scores normally"
                + " distributed. It is capped at 99%. Top picks stand far above the average, so"
                + " most read 99%: the order of the grid says more. \"Popular\" marks the most"
                + " rated movies, shown while there are no ratings to go on. Below the match, the"
                + " bars and percentages are the same percentile for each model alone: Users for"
                + " ALS, Genome or Genres & tags for the content model (named after what it compares"
                + " for that movie). With this section open, every card shows its score and both"
                + " z-scores instead."));
    maths.addOpenedChangeListener(change -> grid.setClassName("mr-grid--maths", change.isOpened()));

    grid.addClassName("mr-grid");
    grid.setId("recommendations");
    grid.getElement().setAttribute("aria-live", "polite");
    empty.addClassName("mr-empty");
    empty.setId("grid-empty");

    main.addClassName("mr-section");
    main.add(toolbar, profile, modes, maths, grid, empty);
    main.setVisible(false);

    add(header, notes, preparing, main);
    showState(BrowseState.DEFAULT);
    ProgressUpdates.follow(this, progress, this::onProgress);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    BrowseState.Parsed parsed =
        BrowseState.fromQueryParameters(event.getLocation().getQueryParameters());
    shownNotes = parsed.notes();
    showNotes(parsed.notes());
    state = parsed.state();
    showState(state);
    refresh();
  }

  @Override
  public void afterNavigation(AfterNavigationEvent event) {
    if (!shownNotes.isEmpty()) {
      updateUrl(); // the address drops what the note says was ignored
    }
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    if (!main.isVisible()) {
      refresh();
    }
  }

  /** Pushed from the server: training progress, the first model, or a retrained one. */
  private void onProgress(Progress current) {
    if (!recommender.ready()) {
      showProgress(current, false);
    } else if (!main.isVisible() || current.ready()) {
      refresh();
    }
  }

  /** The state the page shows, as in its URL. */
  BrowseState state() {
    return state;
  }

  /** The URL the page shows for its state, e.g. {@code ?user=42&mode=hybrid&alsWeight=0.6}. */
  String location() {
    return "?" + state.toQueryString();
  }

  private void onUserTyped(String text) {
    if (applyingState) {
      return;
    }
    if (text == null || text.isBlank()) {
      userField.setInvalid(false);
      navigateTo(state.withUser(null));
      return;
    }
    Optional<Integer> userId = UserIds.parse(text);
    if (userId.isEmpty()) {
      userField.setErrorMessage("Not a user id: type a positive whole number, e.g. 42.");
      userField.setInvalid(true);
      return;
    }
    if (userId.get().equals(state.userId()) && !userField.isInvalid() && main.isVisible()) {
      return; // Enter fires both the field's change and the Show button
    }
    navigateTo(state.withUser(userId.get()));
  }

  private void showRandomUser() {
    ratings
        .randomUserId(ThreadLocalRandom.current())
        .ifPresent(userId -> navigateTo(state.withUser(userId)));
  }

  private void onModeChosen(Mode mode) {
    if (applyingState || mode == null || mode == state.mode()) {
      return;
    }
    navigateTo(state.withMode(mode));
  }

  private void onAlsWeightChosen(double alsWeight) {
    if (applyingState) {
      return;
    }
    double snapped = BrowseState.snapToStep(alsWeight);
    if (snapped == state.alsWeight()) {
      return;
    }
    state = state.withAlsWeight(snapped);
    showBlend();
    renderGrid(true);
    updateUrl();
  }

  /** Sets the controls to a state without their listeners reacting. */
  private void showState(BrowseState shown) {
    applyingState = true;
    try {
      userField.setValue(shown.userId() == null ? "" : String.valueOf(shown.userId()));
      userField.setInvalid(false);
      tabs.setSelectedTab(tabsByMode.get(shown.mode()));
      slider.setValue(shown.alsWeight());
    } finally {
      applyingState = false;
    }
    showBlend();
  }

  private void showBlend() {
    blend.setVisible(state.mode() == Mode.HYBRID);
    alsLegend.setText("Similar users · α " + BrowseState.formatWeight(state.alsWeight()));
    contentLegend.setText("Similar content · β " + BrowseState.formatWeight(state.contentWeight()));
    mathsBlend.setText(
        state.mode() == Mode.HYBRID
            ? "Now α = "
                + BrowseState.formatWeight(state.alsWeight())
                + " and β = "
                + BrowseState.formatWeight(state.contentWeight())
                + " (the slider). The other tabs use one model alone."
            : "This tab uses one model alone: its z-score is the card's score.");
  }

  private void showNotes(List<String> messages) {
    notes.removeAll();
    messages.forEach(message -> notes.add(new Paragraph(message)));
    notes.setVisible(!messages.isEmpty());
  }

  /** Shows the progress until the model is ready, then the user and the grid. */
  private void refresh() {
    boolean ready = recommender.ready();
    showProgress(progress.current(), ready);
    main.setVisible(ready);
    if (ready) {
      showUser();
      renderGrid();
    }
  }

  private void showProgress(Progress current, boolean ready) {
    preparing.setVisible(!ready);
    boolean choosing = !ready && datasetChoice.waiting();
    chooser.setVisible(choosing);
    phase.setText(current.phase());
    boolean failed = current.failed();
    failure.setVisible(failed);
    failure.setText(failed ? String.valueOf(current.error()) : "");
    progressBar.setVisible(!failed && !choosing);
    progressBar.setIndeterminate(current.fraction() < 0);
    if (current.fraction() >= 0) {
      progressBar.setValue(Math.min(1, current.fraction()));
    }
  }

  private void showUser() {
    checkedUserId =
        null; // a user chosen again is looked up again (a visitor may have rated meanwhile)
    Integer userId = state.userId();
    if (userId == null) {
      profile.clear();
      return;
    }
    if (!userExists(userId)) {
      userField.setErrorMessage(
          "No user " + userId + " in this dataset. Try another id or a random user.");
      userField.setInvalid(true);
      profile.clear();
      return;
    }
    userField.setInvalid(false);
    CurrentUser.set(userId);
    List<Rating> rated = ratings.ratingsOf(userId);
    List<Integer> favourites = recommender.favourites(userId, UserProfile.FAVOURITES);
    MovieCardService.Cards favouriteCards = cards.unscoredCards(favourites);
    Map<Integer, MovieListing> listings =
        catalog.listings(rated.stream().map(Rating::getMovieId).toList());
    Optional<TasteProfile> taste =
        TasteProfile.of(
            rated,
            movieId ->
                listings.containsKey(movieId)
                    ? listings.get(movieId).movie().genreList()
                    : List.of(),
            movieId -> recommender.strongestGenomeTags(movieId, TasteProfile.TAGS_PER_MOVIE));
    profile.show(userId, rated, favouriteCards.cards(), taste);
  }

  private void renderGrid() {
    renderGrid(false);
  }

  /**
   * Whether the user has ratings here (MovieLens, a visitor, or live ones); asked once per user,
   * not per re-blend.
   */
  private boolean userExists(int userId) {
    if (checkedUserId == null || checkedUserId != userId) {
      checkedUserExists = ratings.userExists(userId);
      checkedUserId = userId;
    }
    return checkedUserExists;
  }

  /**
   * Shows the current state's ranking. {@code live} (the slider is being dragged): cards that stay
   * keep their place in the DOM and move visually through CSS {@code order}, because moving a
   * Vaadin component re-sends its whole subtree, posters included (~100 KiB per step on real data).
   * Otherwise the DOM is put in rank order as well, so keyboard focus and screen readers follow
   * what is seen.
   */
  private void renderGrid(boolean live) {
    if (!recommender.ready()) {
      return;
    }
    long started = System.nanoTime();
    Integer userId = state.userId();
    List<ScoredMovie> ranked = List.of();
    if (userId != null && userExists(userId)) {
      try {
        ranked = recommender.recommend(userId, state.mode().weights(state.alsWeight()), GRID_SIZE);
      } catch (UnknownUserException e) {
        ranked = List.of();
      }
    }
    Map<Integer, MovieCard> onGrid = new HashMap<>();
    grid.getChildren()
        .map(MovieCard.class::cast)
        .forEach(card -> onGrid.put(card.getData().movie().movieId(), card));
    MovieCardService.Cards shown =
        cards.recommendationCards(ranked, onGrid, state.mode().weights(state.alsWeight()));
    arrange(shown.cards(), live);
    domOutOfOrder = live && !shown.cards().equals(grid.getChildren().toList());
    if (live) {
      lastLiveRenderNanos = System.nanoTime();
      settleWhenTheSliderRests();
    }
    gridShown = !shown.cards().isEmpty();
    empty.setVisible(!gridShown);
    empty.setText(
        userId == null
            ? "Type a user id above, or pick a random user, to see their recommendations."
            : userExists(userId)
                ? "No recommendations for user "
                    + userId
                    + " yet: rate a few movies at /start?user="
                    + userId
                    + "."
                : "No recommendations: user " + userId + " is not in this dataset.");
    log.debug("Grid for {} updated in {} µs", state, (System.nanoTime() - started) / 1_000);
  }

  private void arrange(List<MovieCard> ranked, boolean live) {
    var wanted = new IdentityHashMap<MovieCard, Integer>();
    for (int rank = 0; rank < ranked.size(); rank++) {
      wanted.put(ranked.get(rank), rank);
    }
    grid.getChildren()
        .map(MovieCard.class::cast)
        .filter(card -> !wanted.containsKey(card))
        .toList()
        .forEach(grid::remove);
    if (live) {
      var present = Collections.newSetFromMap(new IdentityHashMap<MovieCard, Boolean>());
      grid.getChildren().map(MovieCard.class::cast).forEach(present::add);
      ranked.stream().filter(card -> !present.contains(card)).forEach(grid::add);
    } else if (!ranked.equals(grid.getChildren().toList())) {
      // All at once: moving only some cards (remove and re-insert in one response) was seen to
      // leave the browser's
      // DOM in the old order, while re-adding them all is applied faithfully.
      grid.removeAll();
      ranked.forEach(grid::add);
    }
    for (int rank = 0; rank < ranked.size(); rank++) {
      ranked.get(rank).getElement().getStyle().set("order", String.valueOf(rank));
    }
  }

  /**
   * The grid's cards in the order they are seen (CSS {@code order}, which may differ from the DOM
   * while dragging).
   */
  List<MovieCard> cardsInRankOrder() {
    return grid.getChildren()
        .map(MovieCard.class::cast)
        .sorted(
            Comparator.comparingInt(
                card -> Integer.parseInt(card.getElement().getStyle().get("order"))))
        .toList();
  }

  /**
   * Should the slider's "change" event be missed, puts the DOM in rank order once the slider has
   * rested (see {@link #renderGrid(boolean)}), and writes the address again: each step's address
   * goes to the page as a one-off script call, which a resynchronisation of Vaadin's client (after
   * a lost or reordered round trip) does not replay, while the label, which is component state, is
   * resent. Once rested, the two agree again.
   */
  private void settleWhenTheSliderRests() {
    getUI()
        .ifPresent(
            ui ->
                scheduler.schedule(
                    () -> {
                      try {
                        ui.access(
                            () -> {
                              if (System.nanoTime() - lastLiveRenderNanos >= SLIDER_REST_NANOS) {
                                if (domOutOfOrder) {
                                  renderGrid(false);
                                }
                                updateUrl();
                              }
                            });
                      } catch (UIDetachedException e) {
                        // the page was left meanwhile: nothing to put in order
                      }
                    },
                    Instant.now().plusNanos(SLIDER_REST_NANOS)));
  }

  /** A new user or tab: a new history entry, so Back returns to the one before. */
  private void navigateTo(BrowseState next) {
    getUI().ifPresent(ui -> ui.navigate(RecommendationsView.class, next.toQueryParameters()));
  }

  private void updateUrl() {
    // replaceState, not navigation: no new history entry per slider step, and the view keeps its
    // components.
    getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location()));
  }

  private Mode modeOf(Tab tab) {
    return tabsByMode.entrySet().stream()
        .filter(entry -> entry.getValue() == tab)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }
}

package app.movierec.ui.onboarding;

import app.movierec.catalog.Movie;
import app.movierec.catalog.MovieSearch;
import app.movierec.catalog.MovieTitle;
import app.movierec.common.ScoredMovie;
import app.movierec.common.UserHistory;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.NotReadyException;
import app.movierec.recommend.RecommendationService;
import app.movierec.security.VisitorSession;
import app.movierec.ui.CurrentUser;
import app.movierec.ui.MainLayout;
import app.movierec.ui.MovieCardService;
import app.movierec.ui.components.MovieCard;
import app.movierec.ui.components.StarRating;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /start}, in the manner of MovieLens: a grid of the most rated (so most widely known)
 * movies to rate at once, or the titles a search finds, each with half stars, a like and an undo;
 * the ratings given so far with their posters; and hybrid recommendations that follow each rating
 * (fold-in plus content profile, no retraining). A visitor's first rating creates their user, which
 * becomes the session's user; {@code /start?user=42} lets an existing user rate more, from the
 * browser that created them ({@link VisitorSession}); anyone else rates as a visitor of their own.
 */
@Route(value = "start", layout = MainLayout.class)
@PageTitle("Rate movies · movierec")
public class OnboardingView extends Div implements BeforeEnterObserver {

  static final int PAGE = 24;
  static final int SEARCH_RESULTS = 24;
  static final int RECOMMENDATIONS = 12;

  private final MovieSearch search;
  private final RatingService ratings;
  private final RecommendationService recommendations;
  private final MovieCardService cards;
  private final VisitorSession visitors;

  private final Paragraph who = new Paragraph();
  private final Anchor profileLink = new Anchor();
  private final TextField query = new TextField();
  private final H2 gridTitle = new H2();
  private final Paragraph gridNote = new Paragraph();
  private final Div rateGrid = new Div();
  private final Button more = new Button("Show more movies");
  private final Paragraph ratedNote = new Paragraph();
  private final Div rated = new Div();
  private final Paragraph recommendationsStatus = new Paragraph();
  private final Div recommended = new Div();
  private Integer userId;
  private String unknownUser;
  private int shownPopular = PAGE;

  public OnboardingView(
      MovieSearch search,
      RatingService ratings,
      RecommendationService recommendations,
      MovieCardService cards,
      VisitorSession visitors) {
    this.visitors = visitors;
    this.search = search;
    this.ratings = ratings;
    this.recommendations = recommendations;
    this.cards = cards;
    addClassNames("mr-section", "mr-onboarding");
    setId("onboarding-view");

    var title = new H1("Rate movies you have seen");
    title.addClassName("mr-page-title");
    var how =
        new Paragraph(
            "Tap a star to rate (tap the same star again for half a star less), or Like."
                + " Rate as many as you like: your recommendations below follow every rating.");
    how.addClassName("mr-section__subtitle");

    who.setId("who");
    profileLink.setId("profile-link");
    profileLink.addClassName("mr-button-link");
    profileLink.setVisible(false);
    var status = new Div(who, profileLink);
    status.addClassName("mr-onboarding__status");

    query.setId("search");
    query.addClassName("mr-onboarding__search");
    query.setPlaceholder("Search a title, e.g. \"matrix 1999\" or \"amelie\"");
    query.setPrefixComponent(VaadinIcon.SEARCH.create());
    query.setClearButtonVisible(true);
    query.setAriaLabel("Search a title to rate");
    query.setValueChangeMode(ValueChangeMode.LAZY);
    query.addValueChangeListener(change -> showGrid());

    gridTitle.addClassName("mr-section__title");
    gridNote.addClassName("mr-section__subtitle");
    rateGrid.setId("rate-grid");
    rateGrid.addClassName("mr-rate-grid");
    more.setId("more");
    more.addClassName("mr-more");
    more.addClickListener(
        click -> {
          shownPopular += PAGE;
          showGrid();
        });

    ratedNote.addClassName("mr-section__subtitle");
    rated.setId("rated");
    rated.addClassName("mr-strip");
    rated.getElement().setAttribute("aria-label", "Your ratings");
    recommendationsStatus.setId("recommendations-status");
    recommendationsStatus.addClassName("mr-section__subtitle");
    recommended.setId("recommendations");
    recommended.addClassName("mr-grid");

    add(
        title,
        how,
        status,
        query,
        gridTitle,
        gridNote,
        rateGrid,
        more,
        heading("Your ratings"),
        ratedNote,
        rated,
        heading("Recommended for you"),
        recommendationsStatus,
        recommended);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    userId = null;
    unknownUser = null;
    Optional<String> user = event.getLocation().getQueryParameters().getSingleParameter("user");
    if (user.isPresent()) {
      try {
        int requested = Integer.parseInt(user.get().trim());
        if (ratings.userExists(requested) && visitors.mayWrite(requested)) {
          userId = requested;
        } else if (ratings.userExists(requested)) {
          userId = visitors.ownVisitor().orElse(null);
          Notification.show(
              "Only the browser that created user "
                  + requested
                  + " can rate as them (MovieLens users are read-only); your ratings here go to "
                  + (userId == null
                      ? "a new visitor of your own."
                      : "your own user " + userId + "."),
              8000,
              Notification.Position.MIDDLE);
        } else {
          unknownUser = "There is no user " + requested + ". ";
        }
      } catch (NumberFormatException e) {
        unknownUser = "\"" + user.get() + "\" is not a user id. ";
      }
    } else {
      // the session's user only when this browser may write for them (the main page can show any)
      userId =
          CurrentUser.get()
              .filter(ratings::userExists)
              .filter(visitors::mayWrite)
              .or(visitors::ownVisitor)
              .orElse(null);
    }
    if (userId != null) {
      CurrentUser.set(userId);
    }
    showGrid();
    showUser();
  }

  /** The user this page rates for; empty until a visitor's first rating. */
  public Optional<Integer> userId() {
    return Optional.ofNullable(userId);
  }

  /** A new rating, or null when one was taken back (undo). */
  private void rate(int movieId, Double stars) {
    if (userId == null) {
      if (stars == null) {
        return;
      }
      userId = visitors.startVisitor(); // sets the visitor's token cookie
      CurrentUser.set(userId);
      getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "start?user=" + userId));
    }
    if (stars == null) {
      visitors.deleteRating(userId, movieId);
    } else {
      visitors.rate(userId, movieId, stars);
    }
    showUser();
  }

  /** The popular movies, or what the search finds, as cards to rate. */
  private void showGrid() {
    rateGrid.removeAll();
    String text = query.getValue() == null ? "" : query.getValue().strip();
    List<Integer> movieIds;
    if (text.isEmpty()) {
      gridTitle.setText("Popular movies");
      gridNote.setText("The most rated movies: the ones most people have seen.");
      movieIds = popular(shownPopular);
      more.setVisible(movieIds.size() >= shownPopular);
    } else {
      gridTitle.setText("Titles matching \"" + text + "\"");
      gridNote.setText("Words in any order; the year is optional.");
      movieIds = search.search(text, SEARCH_RESULTS).stream().map(Movie::getMovieId).toList();
      more.setVisible(false);
    }
    if (movieIds.isEmpty()) {
      var none =
          new Paragraph(
              text.isEmpty()
                  ? "The recommender is getting ready; search a title meanwhile."
                  : "No title matches \"" + text + "\".");
      none.addClassName("mr-empty");
      rateGrid.add(none);
      return;
    }
    UserHistory mine = userId == null ? UserHistory.empty() : ratings.storedHistoryOf(userId);
    for (MovieCard card : cards.unscoredCards(movieIds).cards()) {
      int movieId = card.getData().movie().movieId();
      card.addClassName("mr-card--rate");
      card.addFooter(
          new StarRating(
              MovieTitle.of(card.getData().movie().title()).title(),
              mine.contains(movieId) ? (double) mine.ratingOf(movieId) : null,
              stars -> rate(movieId, stars)));
      rateGrid.add(card);
    }
  }

  private List<Integer> popular(int n) {
    try {
      return recommendations
          .recommend(UserHistory.empty(), recommendations.defaultWeights(), n)
          .stream()
          .map(ScoredMovie::movieId)
          .toList();
    } catch (NotReadyException e) {
      return List.of();
    }
  }

  private void showUser() {
    if (userId == null) {
      who.setText(
          unknownUser == null
              ? "You are new here: your first rating creates your user, so you can come back to it."
              : unknownUser + "Rate a movie to start as a new visitor.");
      profileLink.setVisible(false);
      ratedNote.setText("Nothing rated yet.");
      rated.removeAll();
    } else {
      who.setText("You are user " + userId + ". Come back any time with this id.");
      profileLink.setText("See all your recommendations →");
      profileLink.setHref("/?user=" + userId + "&mode=hybrid");
      profileLink.setVisible(true);
      showRated();
    }
    showRecommendations();
  }

  /** The ratings given here, newest last, as small posters with their stars. */
  private void showRated() {
    rated.removeAll();
    UserHistory live = ratings.liveHistoryOf(userId);
    if (live.isEmpty()) {
      ratedNote.setText("No ratings given here yet.");
      return;
    }
    ratedNote.setText(
        live.size() + (live.size() == 1 ? " movie" : " movies") + " rated here so far.");
    List<Integer> movieIds = new ArrayList<>();
    for (int k = 0; k < live.size(); k++) {
      movieIds.add(live.movieId(k));
    }
    for (MovieCard card : cards.unscoredCards(movieIds).cards()) {
      var stars =
          new Span(
              String.format(Locale.ROOT, "%.1f★", live.ratingOf(card.getData().movie().movieId())));
      stars.addClassName("mr-card__rated");
      card.addFooter(stars);
      rated.add(card);
    }
  }

  private void showRecommendations() {
    recommended.removeAll();
    if (userId == null) {
      recommendationsStatus.setText("Recommendations appear after your first rating.");
      return;
    }
    List<ScoredMovie> list;
    try {
      list = recommendations.recommend(userId, RECOMMENDATIONS);
    } catch (NotReadyException e) {
      recommendationsStatus.setText(
          "The recommender is still training; your ratings are saved, reload in a moment.");
      return;
    }
    if (list.isEmpty()) {
      recommendationsStatus.setText("Rate a movie to get recommendations.");
      return;
    }
    recommendationsStatus.setText(
        "The hybrid's picks for you (similar users and similar content), updated with every"
            + " rating.");
    cards
        .recommendationCards(list, Map.of(), recommendations.weightsFor(userId))
        .cards()
        .forEach(recommended::add);
  }

  private static H2 heading(String title) {
    H2 heading = new H2(title);
    heading.addClassName("mr-section__title");
    return heading;
  }
}

package app.movierec.ui.onboarding;

import app.movierec.catalog.CatalogService;
import app.movierec.catalog.Link;
import app.movierec.catalog.Movie;
import app.movierec.catalog.MovieSearch;
import app.movierec.common.ScoredMovie;
import app.movierec.common.UserHistory;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.NotReadyException;
import app.movierec.recommend.RecommendationService;
import app.movierec.security.VisitorSession;
import app.movierec.tmdb.MovieRef;
import app.movierec.tmdb.PosterService;
import app.movierec.ui.components.MovieCard;
import app.movierec.ui.components.MovieCardData;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /start}: search titles, rate a few movies with stars or a like, and see hybrid
 * recommendations that follow each rating at once (fold-in plus content profile, no retraining).
 * The first rating of a visitor creates their user; the page then shows the new user id and a link
 * to the main view. {@code /start?user=42} lets an existing user rate more, from the browser that
 * created them ({@link VisitorSession}); anyone else rates as a visitor of their own.
 */
@Route("start")
@PageTitle("Movie recommender: rate a few movies")
public class OnboardingView extends VerticalLayout implements BeforeEnterObserver {

  static final int SEARCH_RESULTS = 12;
  static final int RECOMMENDATIONS = 12;

  private final MovieSearch search;
  private final CatalogService catalog;
  private final RatingService ratings;
  private final RecommendationService recommendations;
  private final PosterService posters;
  private final VisitorSession visitors;

  private final TextField query = new TextField();
  private final Div results = new Div();
  private final Paragraph who = new Paragraph();
  private final Anchor profileLink = new Anchor();
  private final Paragraph rated = new Paragraph();
  private final Paragraph recommendationsStatus = new Paragraph();
  private final Div recommended = new Div();
  private Integer userId;

  public OnboardingView(
      MovieSearch search,
      CatalogService catalog,
      RatingService ratings,
      RecommendationService recommendations,
      PosterService posters,
      VisitorSession visitors) {
    this.visitors = visitors;
    this.search = search;
    this.catalog = catalog;
    this.ratings = ratings;
    this.recommendations = recommendations;
    this.posters = posters;
    addClassName("mr-page");

    query.setId("search");
    query.setPlaceholder("Search a title, e.g. \"matrix 1999\" or \"amelie\"");
    query.setPrefixComponent(VaadinIcon.SEARCH.create());
    query.setClearButtonVisible(true);
    query.setWidthFull();
    query.setValueChangeMode(ValueChangeMode.LAZY);
    query.addValueChangeListener(change -> showResults());
    results.setId("search-results");
    results.addClassName("mr-grid");
    who.setId("who");
    profileLink.setId("profile-link");
    profileLink.setVisible(false);
    rated.setId("rated");
    recommendationsStatus.setId("recommendations-status");
    recommended.setId("recommendations");
    recommended.addClassName("mr-grid");

    add(
        new H1("Rate a few movies"),
        who,
        profileLink,
        query,
        results,
        section("Your ratings"),
        rated,
        section("Recommended for you"),
        recommendationsStatus,
        recommended);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    userId = null;
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
          Notification.show(
              "There is no user " + requested + "; rate a movie to start as a new visitor.");
        }
      } catch (NumberFormatException e) {
        Notification.show(
            "'" + user.get() + "' is not a user id; rate a movie to start as a new visitor.");
      }
    }
    if (user.isEmpty()) {
      userId = visitors.ownVisitor().orElse(null);
    }
    refresh();
  }

  /** The user this page rates for; empty until a visitor's first rating. */
  public Optional<Integer> userId() {
    return Optional.ofNullable(userId);
  }

  private void rate(int movieId, double stars) {
    if (userId == null) {
      userId = visitors.startVisitor(); // sets the visitor's token cookie
      UI.getCurrent().getPage().getHistory().replaceState(null, "start?user=" + userId);
    }
    visitors.rate(userId, movieId, stars);
    showResults();
    refresh();
  }

  private void refresh() {
    if (userId == null) {
      who.setText(
          "You are new here. Search for movies you know and rate a few: your first rating creates your user.");
      profileLink.setVisible(false);
      rated.setText("Nothing rated yet.");
    } else {
      who.setText("You are user " + userId + ". Come back any time with this id.");
      profileLink.setText("Open your recommendations on the main page (user " + userId + ")");
      profileLink.setHref("/?user=" + userId + "&mode=hybrid");
      profileLink.setVisible(true);
      UserHistory live = ratings.liveHistoryOf(userId);
      if (live.isEmpty()) {
        rated.setText("No ratings given here yet.");
      } else {
        Map<Integer, Movie> movies =
            catalog.movies(java.util.Arrays.stream(live.movieIds()).boxed().toList());
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < live.size(); k++) {
          Movie movie = movies.get(live.movieId(k));
          parts.add(
              (movie == null ? "movie " + live.movieId(k) : movie.toString())
                  + String.format(Locale.ROOT, " %.1f★", live.rating(k)));
        }
        rated.setText(String.join(" · ", parts));
      }
    }
    showRecommendations();
  }

  private void showResults() {
    results.removeAll();
    String text = query.getValue();
    if (text == null || text.isBlank()) {
      return;
    }
    List<Movie> hits = search.search(text, SEARCH_RESULTS);
    if (hits.isEmpty()) {
      Paragraph none = new Paragraph("No title matches \"" + text.strip() + "\".");
      none.addClassName("mr-empty");
      results.add(none);
      return;
    }
    UserHistory live = userId == null ? UserHistory.empty() : ratings.liveHistoryOf(userId);
    Map<Integer, Link> links = catalog.links(hits.stream().map(Movie::getMovieId).toList());
    for (Movie movie : hits) {
      Link link = links.get(movie.getMovieId());
      VerticalLayout item =
          new VerticalLayout(
              card(MovieCardData.unscored(ref(movie, link), imdbId(link))),
              new RatingButtons(
                  movie.getMovieId(),
                  live.contains(movie.getMovieId())
                      ? Double.valueOf(live.ratingOf(movie.getMovieId()))
                      : null,
                  stars -> rate(movie.getMovieId(), stars)));
      item.setPadding(false);
      item.setSpacing(false);
      item.addClassName("mr-rate-item");
      results.add(item);
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
        "Hybrid recommendations (ALS weight "
            + recommendations.weightsFor(userId).alsWeight()
            + ", learned for users with as many ratings as you), updated with every rating.");
    Map<Integer, Movie> movies = catalog.movies(ids(list));
    Map<Integer, Link> links = catalog.links(ids(list));
    for (ScoredMovie scored : list) {
      Movie movie = movies.get(scored.movieId());
      if (movie != null) {
        Link link = links.get(movie.getMovieId());
        recommended.add(card(MovieCardData.of(ref(movie, link), imdbId(link), scored)));
      }
    }
  }

  private MovieCard card(MovieCardData data) {
    MovieCard card = new MovieCard(data);
    card.showPoster(posters.posterUrlNow(data.movie()), posters.posterUrl(data.movie()));
    return card;
  }

  private static Collection<Integer> ids(List<ScoredMovie> list) {
    return list.stream().map(ScoredMovie::movieId).toList();
  }

  private static MovieRef ref(Movie movie, Link link) {
    Long tmdbId = link == null || link.getTmdbId() == null ? null : link.getTmdbId().longValue();
    return new MovieRef(
        movie.getMovieId(), tmdbId, movie.getTitle(), movie.getYear(), movie.genreList());
  }

  private static String imdbId(Link link) {
    return link == null || link.getImdbId() == null
        ? null
        : String.format(Locale.ROOT, "%07d", link.getImdbId());
  }

  private static H2 section(String title) {
    H2 heading = new H2(title);
    heading.addClassName("mr-section__title");
    return heading;
  }
}

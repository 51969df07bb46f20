package app.movierec.ui;

import app.movierec.catalog.CatalogService;
import app.movierec.catalog.CatalogService.GenomeTagRelevance;
import app.movierec.catalog.MovieListing;
import app.movierec.catalog.MovieTitle;
import app.movierec.common.UnknownUserException;
import app.movierec.common.UserHistory;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.Explanation;
import app.movierec.recommend.RecommendationService;
import app.movierec.recommend.content.VectorKind;
import app.movierec.recommend.hybrid.BlendWeights;
import app.movierec.security.VisitorSession;
import app.movierec.tmdb.MovieRef;
import app.movierec.tmdb.TmdbLinks;
import app.movierec.ui.components.MovieCard;
import app.movierec.ui.components.StarRating;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A movie's own page, {@code /movie/2571}, bookmarkable: poster, natural title, year, genres, which
 * content the recommender has for it and its strongest genome tags, TMDB and IMDb links, the
 * session user's rating (a first rating makes a visitor, as on {@code /start}), why it is
 * recommended to that user (only while they have not rated it), and three lists of movies that open
 * their own pages: "more like this" (the hybrid's item-to-item list), similar content and similar
 * users (ALS). An unknown movie id is a 404 page.
 */
@Route(value = "movie", layout = MainLayout.class)
public class MovieView extends Div implements HasUrlParameter<Integer>, HasDynamicTitle {

  static final int SIMILAR = 8;
  static final int GENOME_TAGS = 12;

  private final CatalogService catalog;
  private final RecommendationService recommender;
  private final RatingService ratings;
  private final MovieCardService cards;
  private final VisitorSession visitors;

  private final Image poster = new Image();
  private final H1 title = new H1();
  private final Paragraph aka = new Paragraph();
  private final Div facts = new Div();
  private final Div links = new Div();
  private final H2 ratingHeading = new H2("Your rating");
  private final Div ratingSlot = new Div();
  private final Section why = new Section();
  private final Div lists = new Div();
  private MovieRef movie;
  private String pageTitle = "Movie · movierec";

  public MovieView(
      CatalogService catalog,
      RecommendationService recommender,
      RatingService ratings,
      MovieCardService cards,
      VisitorSession visitors) {
    this.visitors = visitors;
    this.catalog = catalog;
    this.recommender = recommender;
    this.ratings = ratings;
    this.cards = cards;
    addClassNames("mr-section", "mr-movie");
    setId("movie-view");

    poster.addClassName("mr-movie__poster");
    title.setId("movie-title");
    title.addClassName("mr-page-title");
    aka.addClassName("mr-movie__aka");
    facts.addClassName("mr-movie__facts-list");
    links.addClassName("mr-movie__links");
    ratingHeading.addClassName("mr-section__title");
    ratingSlot.setId("movie-rating");
    var rate = new Div(ratingHeading, ratingSlot);
    rate.addClassName("mr-movie__rate");
    var about = new Div(title, aka, facts, links, rate);
    about.addClassName("mr-movie__about");
    var posterFrame = new Div(poster);
    posterFrame.addClassName("mr-movie__poster-frame");
    var hero = new Div(posterFrame, about);
    hero.addClassName("mr-movie__hero");
    why.setId("why");
    why.addClassName("mr-panel");
    lists.addClassName("mr-section");
    add(hero, why, lists);
  }

  @Override
  public void setParameter(BeforeEvent event, Integer movieId) {
    Optional<MovieListing> listing = catalog.listing(movieId);
    if (listing.isEmpty()) {
      event.rerouteToError(
          NotFoundException.class, NotFoundView.MISSING + "movie " + movieId + " in this dataset.");
      return;
    }
    event
        .getLocation()
        .getQueryParameters()
        .getSingleParameter(BrowseState.USER_PARAMETER)
        .flatMap(UserIds::parse)
        .filter(ratings::userExists)
        .ifPresent(CurrentUser::set);
    show(listing.get());
  }

  @Override
  public String getPageTitle() {
    return pageTitle;
  }

  private void show(MovieListing listing) {
    var row = listing.movie();
    movie =
        new MovieRef(
            row.getMovieId(),
            listing.tmdbId() == null ? null : listing.tmdbId().longValue(),
            row.getTitle(),
            row.getYear(),
            row.genreList());
    MovieTitle natural = MovieTitle.of(movie.title());
    pageTitle = natural.withYear(movie.year()) + " · movierec";
    title.setText(natural.title());
    aka.setText(natural.subtitle());
    aka.setVisible(!natural.alsoKnownAs().isEmpty());
    poster.setAlt("Poster of " + natural.withYear(movie.year()));
    cards.showPoster(poster, movie);

    facts.removeAll();
    var meta = new Div();
    meta.addClassName("mr-movie__meta");
    if (movie.year() != null) {
      meta.add(chip(String.valueOf(movie.year()), "year"));
    }
    movie.genres().forEach(genre -> meta.add(chip(genre, "genre")));
    facts.add(meta);
    facts.add(contentFacts());

    links.removeAll();
    TmdbLinks.tmdbMovieUrl(movie).ifPresent(url -> links.add(external("TMDB", "movie-tmdb", url)));
    Optional.ofNullable(listing.imdbId())
        .flatMap(id -> TmdbLinks.imdbTitleUrl(id.longValue()))
        .ifPresent(url -> links.add(external("IMDb", "movie-imdb", url)));

    showRating();
    showWhy();
    showLists();
  }

  /** Which content the recommender compares for this movie, and its strongest genome tags. */
  private Component contentFacts() {
    var content = new Div();
    content.setId("movie-content");
    content.addClassName("mr-movie__content");
    Optional<VectorKind> kind =
        recommender.ready() ? recommender.contentKind(movie.movieId()) : Optional.empty();
    String basis =
        kind.map(
                k ->
                    k == VectorKind.GENOME
                        ? "Content model: its tag genome (1,128 tag relevances)"
                        : "Content model: its genres and users' tags (no tag genome for it here)")
            .orElse("Content model: not ready yet");
    var label = new Span(basis);
    label.addClassName("mr-movie__basis");
    content.add(label);
    List<GenomeTagRelevance> tags = catalog.strongestGenomeTags(movie.movieId(), GENOME_TAGS);
    if (!tags.isEmpty()) {
      var chips = new Div();
      chips.setId("movie-genome-tags");
      chips.addClassName("mr-chips");
      for (GenomeTagRelevance tag : tags) {
        Span chip = chip(tag.tag(), "accent");
        chip.getElement()
            .setAttribute(
                "title", String.format(Locale.ROOT, "relevance %.2f of 1", tag.relevance()));
        chips.add(chip);
      }
      content.add(new H3("Strongest genome tags"), chips);
    }
    return content;
  }

  private void showRating() {
    ratingSlot.removeAll();
    Optional<Integer> userId = CurrentUser.get();
    Double current =
        userId
            .map(ratings::storedHistoryOf)
            .filter(history -> history.contains(movie.movieId()))
            .map(history -> (double) history.ratingOf(movie.movieId()))
            .orElse(null);
    ratingHeading.setText(
        userId.map(id -> "Rating of user " + id).orElse("Rate it (you start as a new visitor)"));
    ratingSlot.add(new StarRating(MovieTitle.of(movie.title()).title(), current, this::rate));
  }

  private void rate(Double stars) {
    Optional<Integer> current = CurrentUser.get();
    if (current.isPresent() && !visitors.mayWrite(current.get())) {
      // a MovieLens user or someone else's visitor, looked up on the main page: read-only here
      Notification.show(
          "Only the browser that created user "
              + current.get()
              + " can rate as them (MovieLens users are read-only).",
          6000,
          Notification.Position.MIDDLE);
      showRating();
      return;
    }
    int userId =
        current.orElseGet(
            () -> {
              int visitor = visitors.startVisitor(); // sets the visitor's token cookie
              CurrentUser.set(visitor);
              return visitor;
            });
    if (stars == null) {
      visitors.deleteRating(userId, movie.movieId());
    } else {
      visitors.rate(userId, movie.movieId(), stars);
    }
    ratingHeading.setText("Rating of user " + userId);
    showWhy();
  }

  /** Why the session's user gets this movie; nothing to explain once they rated it. */
  private void showWhy() {
    why.removeAll();
    Optional<Integer> userId = CurrentUser.get();
    if (userId.isEmpty() || !recommender.ready()) {
      why.setVisible(false);
      return;
    }
    why.setVisible(true);
    UserHistory history;
    List<Explanation> explanations;
    try {
      history = recommender.historyOf(userId.get());
      explanations = recommender.explain(userId.get(), movie.movieId());
    } catch (UnknownUserException e) {
      why.setVisible(false);
      return;
    }
    if (history.contains(movie.movieId())) {
      why.add(
          new H2("User " + userId.get() + " rated it"),
          new Paragraph(
              "Rated "
                  + stars(history.ratingOf(movie.movieId()))
                  + ": there is nothing to recommend. The lists below show what is like it."));
      return;
    }
    why.add(new H2("Why user " + userId.get() + " would get it"));
    if (explanations.isEmpty()) {
      why.add(new Paragraph("None of this user's ratings points to this movie."));
      return;
    }
    var columns = new Div();
    columns.addClassName("mr-columns");
    for (Explanation.Side side : Explanation.Side.values()) {
      List<Explanation> mine = explanations.stream().filter(e -> e.side() == side).toList();
      var column = new Div();
      column.add(
          new H3(
              side == Explanation.Side.ALS
                  ? "Similar users: people who liked these liked it too"
                  : "Similar content: it resembles these"));
      if (mine.isEmpty()) {
        column.add(new Paragraph("Nothing on this side."));
      } else {
        var strip = new Div();
        strip.addClassNames("mr-grid", "mr-grid--compact");
        List<MovieCard> because =
            cards.unscoredCards(mine.stream().map(Explanation::ratedMovieId).toList()).cards();
        for (MovieCard card : because) {
          int ratedId = card.getData().movie().movieId();
          var rated = new Span("rated " + stars(history.ratingOf(ratedId)));
          rated.addClassName("mr-card__rated");
          card.addFooter(rated);
          strip.add(card);
        }
        column.add(strip);
      }
      columns.add(column);
    }
    why.add(columns);
  }

  private void showLists() {
    lists.removeAll();
    if (!recommender.ready()) {
      lists.add(new Paragraph("Similar movies appear once the recommender has finished training."));
      return;
    }
    BlendWeights weights = recommender.defaultWeights();
    lists.add(
        list(
            "more-like-this",
            "More like this",
            "The hybrid's own item-to-item list: similarity by users and by content, blended with"
                + " α = "
                + BrowseState.formatWeight(weights.alsWeight())
                + " as for recommendations.",
            cards.rankedCards(recommender.similarMovies(movie.movieId(), weights, SIMILAR))));
    var columns = new Div();
    columns.addClassName("mr-columns");
    columns.add(
        list(
            "similar-content",
            "Similar content",
            "Closest by content (cosine of genome or genre/tag vectors).",
            cards.similarCards(
                recommender.similarMovies(movie.movieId(), BlendWeights.CONTENT_ONLY, SIMILAR))),
        list(
            "similar-users",
            "Similar users (ALS)",
            "Liked by the same people (cosine of ALS factors).",
            cards.similarCards(
                recommender.similarMovies(movie.movieId(), BlendWeights.ALS_ONLY, SIMILAR))));
    lists.add(columns);
  }

  private static Section list(
      String id, String heading, String explanation, MovieCardService.Cards shown) {
    var section = new Section();
    section.setId(id);
    section.addClassName("mr-section");
    var title = new H2(heading);
    title.addClassName("mr-section__title");
    var subtitle = new Paragraph(explanation);
    subtitle.addClassName("mr-section__subtitle");
    section.add(title, subtitle);
    if (shown.cards().isEmpty()) {
      section.add(new Paragraph("None on this side."));
      return section;
    }
    var grid = new Div();
    grid.addClassNames("mr-grid", "mr-grid--compact");
    shown.cards().forEach(grid::add);
    section.add(grid);
    return section;
  }

  private static String stars(float rating) {
    return String.format(Locale.ROOT, "%.1f★", rating);
  }

  private static Span chip(String text, String kind) {
    var chip = new Span(text);
    chip.addClassNames("mr-chip", "mr-chip--" + kind);
    return chip;
  }

  private static Anchor external(String text, String id, String url) {
    var link = new Anchor(url, text);
    link.setId(id);
    link.addClassName("mr-card__link");
    link.setTarget(AnchorTarget.BLANK);
    link.getElement().setAttribute("rel", "noopener noreferrer");
    return link;
  }
}

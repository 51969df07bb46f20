package app.movierec.ui;

import app.movierec.catalog.CatalogService;
import app.movierec.catalog.CatalogService.GenomeTagRelevance;
import app.movierec.common.ScoredMovie;
import app.movierec.common.UnknownUserException;
import app.movierec.ratings.Rating;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.Explanation;
import app.movierec.recommend.RecommendationService;
import app.movierec.recommend.content.VectorKind;
import app.movierec.recommend.hybrid.BlendWeights;
import app.movierec.tmdb.MovieRef;
import app.movierec.tmdb.TmdbLinks;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A movie's details: genres, strongest genome tags, similar movies by content and by ALS side by
 * side, and, when a user is chosen, which of their ratings made the recommender suggest it.
 */
public class MovieDetailsDialog extends Dialog {

  static final int SIMILAR_MOVIES = 6;
  static final int GENOME_TAGS = 10;

  public MovieDetailsDialog(
      MovieRef movie,
      Integer userId,
      RecommendationService recommender,
      CatalogService catalog,
      RatingService ratings,
      MovieCardService cards) {
    addClassName("mr-dialog");
    setHeaderTitle(movie.titleWithYear());
    setWidth("min(1100px, 96vw)");
    setMaxHeight("92vh");
    getElement().setAttribute("aria-label", "Details of " + movie.titleWithYear());
    var close = new Button("Close", click -> close());
    close.addThemeVariants(ButtonVariant.TERTIARY);
    getHeader().add(close);

    var body = new Div();
    body.addClassName("mr-details");
    body.add(
        facts(
            movie,
            catalog.strongestGenomeTags(movie.movieId(), GENOME_TAGS),
            recommender.contentKind(movie.movieId()).orElse(null)));
    if (userId != null) {
      body.add(why(movie, userId, recommender, ratings, cards));
    }
    var similar = new Div();
    similar.addClassName("mr-details__columns");
    similar.add(
        similarColumn(
            "Similar by content",
            "content",
            recommender.similarMovies(movie.movieId(), BlendWeights.CONTENT_ONLY, SIMILAR_MOVIES),
            cards),
        similarColumn(
            "Similar by ALS (people who liked it also liked)",
            "als",
            recommender.similarMovies(movie.movieId(), BlendWeights.ALS_ONLY, SIMILAR_MOVIES),
            cards));
    body.add(similar);
    add(body);
  }

  private static Div facts(MovieRef movie, List<GenomeTagRelevance> tags, VectorKind kind) {
    var facts = new Div();
    facts.addClassName("mr-details__facts");
    var genres = new Div();
    genres.addClassName("mr-details__chips");
    genres.add(label("Genres"));
    if (movie.genres().isEmpty()) {
      genres.add(new Span("none listed"));
    }
    movie.genres().forEach(genre -> genres.add(chip(genre, "")));
    facts.add(genres);

    var genome = new Div();
    genome.addClassNames("mr-details__chips", "mr-details__genome");
    genome.add(label("Genome tags"));
    if (tags.isEmpty()) {
      genome.add(
          new Span(
              kind == VectorKind.GENOME ? "none" : "no tag genome for this movie in the dataset"));
    }
    tags.forEach(
        tag -> {
          Span chip = chip(tag.tag(), "accent");
          chip.getElement()
              .setAttribute(
                  "title", "relevance " + String.format(Locale.ROOT, "%.2f", tag.relevance()));
          genome.add(chip);
        });
    facts.add(genome);

    var links = new Div();
    links.addClassName("mr-details__chips");
    TmdbLinks.tmdbMovieUrl(movie).ifPresent(url -> links.add(external("TMDB", url)));
    facts.add(links);
    return facts;
  }

  private static Div why(
      MovieRef movie,
      int userId,
      RecommendationService recommender,
      RatingService ratings,
      MovieCardService cards) {
    var why = new Div();
    why.addClassName("mr-details__why");
    why.add(new H3("Why user " + userId + " gets it"));
    List<Explanation> explanations;
    try {
      explanations = recommender.explain(userId, movie.movieId());
    } catch (UnknownUserException e) {
      why.add(new Paragraph("There is no user " + userId + "."));
      return why;
    }
    if (explanations.isEmpty()) {
      why.add(new Paragraph("None of this user's ratings points to this movie."));
      return why;
    }
    Map<Integer, Float> stars =
        ratings.ratingsOf(userId).stream()
            .collect(Collectors.toMap(Rating::getMovieId, Rating::getRating, (a, b) -> a));
    Map<Integer, MovieRef> titles =
        cards.movies(explanations.stream().map(Explanation::ratedMovieId).toList());
    var columns = new Div();
    columns.addClassName("mr-details__columns");
    for (Explanation.Side side : Explanation.Side.values()) {
      var list = new UnorderedList();
      list.addClassName("mr-explanations");
      explanations.stream()
          .filter(e -> e.side() == side)
          .forEach(
              e ->
                  list.add(
                      explanationItem(
                          e, titles.get(e.ratedMovieId()), stars.get(e.ratedMovieId()))));
      var column = new Div();
      column.add(
          chip(
              side == Explanation.Side.ALS
                  ? "ALS: taste shared with similar users"
                  : "Content: alike in tags",
              side == Explanation.Side.ALS ? "als" : "content"));
      if (list.getChildren().findAny().isEmpty()) {
        column.add(new Paragraph("Nothing on this side."));
      } else {
        column.add(list);
      }
      columns.add(column);
    }
    why.add(columns);
    return why;
  }

  private static ListItem explanationItem(Explanation explanation, MovieRef rated, Float stars) {
    String title = rated == null ? "movie " + explanation.ratedMovieId() : rated.titleWithYear();
    var item = new ListItem();
    var name = new Span(title);
    name.addClassName("mr-explanations__title");
    var detail =
        new Span(
            (stars == null ? "" : "rated " + String.format(Locale.ROOT, "%.1f★", stars) + " · ")
                + "contribution "
                + String.format(Locale.ROOT, "%+.3f", explanation.contribution()));
    detail.addClassName("mr-explanations__detail");
    item.add(name, detail);
    return item;
  }

  private static Div similarColumn(
      String title, String kind, List<ScoredMovie> similar, MovieCardService cards) {
    var column = new Div();
    column.addClassNames("mr-details__similar", "mr-details__similar--" + kind);
    var heading = new H3(title);
    column.add(heading);
    if (similar.isEmpty()) {
      column.add(new Paragraph("No similar movies on this side."));
      return column;
    }
    var grid = new Div();
    grid.addClassNames("mr-grid", "mr-grid--compact");
    cards.scoredCards(similar).cards().forEach(grid::add);
    column.add(grid);
    return column;
  }

  private static Span label(String text) {
    var label = new Span(text);
    label.addClassName("mr-details__label");
    return label;
  }

  private static Span chip(String text, String kind) {
    var chip = new Span(text);
    chip.addClassName("mr-chip");
    if (!kind.isEmpty()) {
      chip.addClassName("mr-chip--" + kind);
    }
    return chip;
  }

  private static Component external(String text, String url) {
    var link = new Anchor(url, text);
    link.setTarget(AnchorTarget.BLANK);
    link.getElement().setAttribute("rel", "noopener noreferrer");
    link.addClassName("mr-card__link");
    return link;
  }
}

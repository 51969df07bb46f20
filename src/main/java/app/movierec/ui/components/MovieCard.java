package app.movierec.ui.components;

import app.movierec.catalog.MovieTitle;
import app.movierec.tmdb.GeneratedPoster;
import app.movierec.tmdb.MovieRef;
import app.movierec.tmdb.TmdbLinks;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleUnaryOperator;

/**
 * A poster-first movie card: the poster and the title open the movie's own page ({@link #pageUrl}),
 * then the natural title ("The Matrix", other titles as a subtitle), year and genres, a badge
 * people read ("87% match", "83% alike", see {@link MatchScore}), the score maths (the total and
 * its ALS and content parts, shown only where the page asks for it with the {@code mr-grid--maths}
 * class), and TMDB and IMDb links. Styled by the {@code mr-card} classes of the app's theme; a page
 * can add its own controls at the bottom ({@link #addFooter}).
 *
 * <p>The card starts with the poster it is given (typically {@code PosterService.posterUrlNow}) and
 * can swap it later with {@link #setPosterUrl(String)}, or let {@link #showPoster(String,
 * CompletableFuture)} do the swap when {@code PosterService.posterUrl} completes. Should an image
 * fail to load in the browser, the card replaces it with the generated poster, so no broken image
 * is ever shown. Generated posters leave the title out: it is printed right below.
 */
public class MovieCard extends Composite<Article> {

  private MovieCardData data;
  private final Image poster = new Image();
  private final Div body = new Div();
  private final Span badge = new Span();
  private final Div links = new Div();
  private final String generatedPosterUrl;
  private String posterUrl;
  private Div scoreLine;
  private Span contentLabel;

  /**
   * Maps a score part onto the bar's [0, 1]; the identity for scores that already live there
   * (cosines).
   */
  private DoubleUnaryOperator barScale = DoubleUnaryOperator.identity();

  private Span total;
  private Span alsPart;
  private Span contentPart;

  /** A card showing the generated poster until {@link #setPosterUrl(String)} is called. */
  public MovieCard(MovieCardData data) {
    this(data, null);
  }

  /** A card showing {@code posterUrl} (null or blank: the generated poster). */
  public MovieCard(MovieCardData data, String posterUrl) {
    this.data = data;
    MovieRef movie = data.movie();
    MovieTitle natural = MovieTitle.of(movie.title());
    String label = natural.withYear(movie.year());
    this.generatedPosterUrl = GeneratedPoster.dataUriWithoutTitle(movie);

    Article card = getContent();
    card.addClassName("mr-card");
    card.getElement().setAttribute("aria-label", label);
    card.getElement().setAttribute("data-movie-id", String.valueOf(movie.movieId()));

    poster.addClassName("mr-card__poster");
    poster.setAlt("Poster of " + label);
    poster.getElement().setAttribute("loading", "lazy");
    poster.getElement().setAttribute("decoding", "async");
    poster.getElement().addEventListener("error", event -> showGeneratedPoster());
    setPosterUrl(posterUrl);
    card.add(posterFrame(movie, label));

    body.addClassName("mr-card__body");
    var title = new H3();
    title.addClassName("mr-card__title");
    var titleLink = new Anchor(pageUrl(movie.movieId()), natural.title());
    titleLink.addClassName("mr-card__title-link");
    titleLink.getElement().setAttribute("title", label);
    title.add(titleLink);
    body.add(title);
    if (!natural.alsoKnownAs().isEmpty()) {
      var aka = new Span(natural.subtitle());
      aka.addClassName("mr-card__aka");
      aka.getElement().setAttribute("title", natural.subtitle());
      body.add(aka);
    }
    body.add(meta(movie));
    badge.addClassName("mr-card__badge");
    badge.setVisible(false);
    body.add(badge);
    if (data.hasScore()) {
      body.add(scoreLine());
      showScore(data);
    }
    links.addClassName("mr-card__links");
    TmdbLinks.tmdbMovieUrl(movie)
        .ifPresent(url -> links.add(external("TMDB", "tmdb", url, label + " on TMDB")));
    TmdbLinks.imdbTitleUrl(data.imdbId())
        .ifPresent(url -> links.add(external("IMDb", "imdb", url, label + " on IMDb")));
    links.setVisible(links.getChildren().findAny().isPresent());
    body.add(links);
    card.add(body);
  }

  /** The movie's own page, relative to the app's root: {@code movie/2571}. */
  public static String pageUrl(int movieId) {
    return "movie/" + movieId;
  }

  /**
   * The badge people read ("87% match", "Popular"); null hides it. {@code explanation} is its
   * tooltip.
   */
  public void setBadge(String text, String explanation) {
    badge.setVisible(text != null);
    badge.setText(text == null ? "" : text);
    if (explanation == null) {
      badge.getElement().removeAttribute("title");
    } else {
      badge.getElement().setAttribute("title", explanation);
    }
  }

  /** The badge shown, or null. */
  public String getBadge() {
    return badge.isVisible() ? badge.getText() : null;
  }

  /**
   * Names what the content part compares for this movie, e.g. "Genome" or "Genres & tags", in place
   * of "Content"; {@code explanation} is its tooltip.
   */
  public void setContentBasis(String basis, String explanation) {
    if (contentLabel != null) {
      contentLabel.setText(basis == null ? "Content" : basis);
      contentLabel.getElement().setAttribute("title", explanation == null ? "" : explanation);
    }
  }

  /** Adds a control at the bottom of the card, e.g. a rating. */
  public void addFooter(Component footer) {
    body.add(footer);
  }

  /**
   * Shows another poster, e.g. the real one once it has been fetched; null or blank shows the
   * generated poster.
   */
  public void setPosterUrl(String url) {
    posterUrl = url == null || url.isBlank() ? generatedPosterUrl : url;
    poster.setSrc(posterUrl);
    poster
        .getElement()
        .setAttribute("data-generated", String.valueOf(posterUrl.equals(generatedPosterUrl)));
  }

  /**
   * Shows {@code posterUrlNow} at once and swaps in {@code realPoster} when it completes, through
   * {@code UI.access}; typically {@code card.showPoster(posters.posterUrlNow(movie),
   * posters.posterUrl(movie))}. Call from the UI thread. The swap reaches the browser with the next
   * round trip, so the view needs server push ({@code @Push}) or a poll interval while posters are
   * loading. A failed or late future (the UI is gone) is ignored.
   */
  public void showPoster(String posterUrlNow, CompletableFuture<String> realPoster) {
    setPosterUrl(posterUrlNow);
    if (realPoster == null) {
      return;
    }
    if (realPoster.isDone()) {
      String url = realPoster.getNow(null);
      if (url != null) {
        setPosterUrl(url);
      }
      return;
    }
    UI ui = UI.getCurrent();
    if (ui == null) {
      throw new IllegalStateException("showPoster must be called from a Vaadin UI thread");
    }
    realPoster.thenAccept(
        url -> {
          if (url == null) {
            return;
          }
          try {
            ui.access(() -> setPosterUrl(url));
          } catch (UIDetachedException e) {
            // The user left; nobody sees this card any more.
          }
        });
  }

  /** The poster currently shown. */
  public String getPosterUrl() {
    return posterUrl;
  }

  public MovieCardData getData() {
    return data;
  }

  private void showGeneratedPoster() {
    if (!generatedPosterUrl.equals(posterUrl)) {
      setPosterUrl(generatedPosterUrl);
    }
  }

  private Div posterFrame(MovieRef movie, String label) {
    var frame = new Div();
    frame.addClassName("mr-card__poster-frame");
    frame.getStyle().set("--mr-poster-tint", GeneratedPoster.colourFor(movie.genres()));
    var link = new Anchor(pageUrl(movie.movieId()), poster);
    link.addClassName("mr-card__poster-link");
    link.getElement().setAttribute("aria-label", "Open " + label);
    link.getElement().setAttribute("tabindex", "-1"); // the title link is the one to tab to
    frame.add(link);
    return frame;
  }

  private static Div meta(MovieRef movie) {
    var meta = new Div();
    meta.addClassName("mr-card__meta");
    if (movie.year() != null) {
      var year = new Span(String.valueOf(movie.year()));
      year.addClassName("mr-card__year");
      meta.add(year);
    }
    if (!movie.genres().isEmpty()) {
      var genres = new Span(String.join(" · ", movie.genres()));
      genres.addClassName("mr-card__genres");
      genres.getElement().setAttribute("title", String.join(", ", movie.genres()));
      meta.add(genres);
    }
    return meta;
  }

  /**
   * How the score parts map onto their bars, e.g. {@code ScoredMovie::toUnitInterval} for per-user
   * z-scores (which are unbounded); by default a part is drawn as it is, clamped to [0, 1]. The
   * numbers shown stay the scores themselves.
   */
  public void setBarScale(DoubleUnaryOperator scale) {
    barScale = scale;
    if (scoreLine != null) {
      showScore(data);
    }
  }

  /**
   * Shows a new score for the same movie, e.g. after the blend weights changed, without rebuilding
   * the card (the poster and links stay as they are). A card created without a score keeps having
   * none.
   */
  public void setScore(double score, double alsScore, double contentScore) {
    if (scoreLine == null) {
      return;
    }
    showScore(new MovieCardData(data.movie(), data.imdbId(), score, alsScore, contentScore));
  }

  private void showScore(MovieCardData scored) {
    data = scored;
    scoreLine.setClassName(
        "mr-score--none", Double.isNaN(scored.alsScore()) && Double.isNaN(scored.contentScore()));
    scoreLine
        .getElement()
        .setAttribute(
            "aria-label",
            "Score "
                + format(scored.score())
                + ": ALS "
                + format(scored.alsScore())
                + ", content "
                + format(scored.contentScore()));
    total.setText(format(scored.score()));
    showPart(alsPart, scored.alsScore(), barScale);
    showPart(contentPart, scored.contentScore(), barScale);
  }

  private Div scoreLine() {
    scoreLine = new Div();
    scoreLine.addClassName("mr-score");
    scoreLine.getElement().setAttribute("role", "group");
    total = new Span();
    total.addClassName("mr-score__total");
    alsPart = scorePart("Users", "als");
    contentPart = scorePart("Content", "content");
    contentLabel = (Span) contentPart.getComponentAt(0);
    scoreLine.add(total, alsPart, contentPart);
    return scoreLine;
  }

  private static Span scorePart(String label, String kind) {
    var part = new Span();
    part.addClassNames("mr-score__part", "mr-score__part--" + kind);
    var name = new Span(label);
    name.addClassName("mr-score__label");
    var bar = new Span();
    bar.addClassName("mr-score__bar");
    bar.getElement().setAttribute("aria-hidden", "true");
    var fill = new Span();
    fill.addClassName("mr-score__fill");
    bar.add(fill);
    var number = new Span();
    number.addClassName("mr-score__value");
    var percent = new Span();
    percent.addClassName("mr-score__percent");
    part.add(name, number, bar, percent);
    return part;
  }

  /**
   * Children of a part, as built by {@link #scorePart}: label, value (the score, for the maths
   * view), bar (with its fill) and the bar's share in percent (what people read).
   */
  private static void showPart(Span part, double value, DoubleUnaryOperator barScale) {
    part.setClassName("mr-score__part--na", Double.isNaN(value));
    var number = (Span) part.getComponentAt(1);
    number.setText(format(value));
    double scaled = Double.isNaN(value) ? value : barScale.applyAsDouble(value);
    var fill = (Span) part.getComponentAt(2).getChildren().findFirst().orElseThrow();
    fill.getStyle().set("width", barPercent(scaled) + "%");
    var percent = (Span) part.getComponentAt(3);
    percent.setText(Double.isNaN(scaled) ? "–" : MatchScore.percent(scaled));
  }

  private static Anchor external(String text, String kind, String url, String label) {
    var link = new Anchor(url, text);
    link.addClassNames("mr-card__link", "mr-card__link--" + kind);
    link.setTarget(AnchorTarget.BLANK);
    link.getElement().setAttribute("rel", "noopener noreferrer");
    link.getElement().setAttribute("aria-label", label + " (opens in a new tab)");
    return link;
  }

  /** Two decimals, or an en dash where the part does not apply. */
  static String format(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
  }

  /** Parts live on a normalised scale; the bar shows [0, 1] and clamps outliers. */
  private static long barPercent(double value) {
    if (Double.isNaN(value)) {
      return 0;
    }
    return Math.round(Math.max(0, Math.min(1, value)) * 100);
  }
}

package app.movierec.ui.components;

import app.movierec.tmdb.GeneratedPoster;
import app.movierec.tmdb.MovieRef;
import app.movierec.tmdb.TmdbLinks;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleUnaryOperator;

/**
 * A poster-first movie card: the poster (a link to the movie's TMDB page in a new tab when it has a
 * tmdbId), title, year, genres, the score with its ALS and content parts, and an IMDb link when
 * known. Styled by the {@code mr-card} classes of the app's theme.
 *
 * <p>The card starts with the poster it is given (typically {@code PosterService.posterUrlNow}) and
 * can swap it later with {@link #setPosterUrl(String)}, or let {@link #showPoster(String,
 * CompletableFuture)} do the swap when {@code PosterService.posterUrl} completes. Should an image
 * fail to load in the browser, the card replaces it with the generated poster, so no broken image
 * is ever shown.
 */
public class MovieCard extends Composite<Article> {

  private MovieCardData data;
  private final Image poster = new Image();
  private final H3 title;
  private final Div links = new Div();
  private final String generatedPosterUrl;
  private String posterUrl;
  private Div scoreLine;

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
    this.generatedPosterUrl = GeneratedPoster.dataUri(movie);

    Article card = getContent();
    card.addClassName("mr-card");
    card.getElement().setAttribute("aria-label", movie.titleWithYear());

    poster.addClassName("mr-card__poster");
    poster.setAlt("Poster of " + movie.titleWithYear());
    poster.getElement().setAttribute("loading", "lazy");
    poster.getElement().setAttribute("decoding", "async");
    poster.getElement().addEventListener("error", event -> showGeneratedPoster());
    setPosterUrl(posterUrl);
    card.add(posterFrame(movie));

    var body = new Div();
    body.addClassName("mr-card__body");
    title = new H3(movie.title());
    title.addClassName("mr-card__title");
    title.getElement().setAttribute("title", movie.titleWithYear());
    body.add(title, meta(movie));
    if (data.hasScore()) {
      body.add(scoreLine());
      showScore(data);
    }
    links.addClassName("mr-card__links");
    TmdbLinks.imdbTitleUrl(data.imdbId()).ifPresent(url -> links.add(imdbLink(movie, url)));
    links.setVisible(links.getChildren().findAny().isPresent());
    body.add(links);
    card.add(body);
  }

  /**
   * Makes the title open the movie's details (by click, or Enter on the focused title) and adds a
   * "Details" button beside the external links; the poster keeps linking to TMDB.
   */
  public void setDetailsAction(Runnable showDetails) {
    title.addClassName("mr-card__title--action");
    title.getElement().setAttribute("role", "button");
    title.getElement().setAttribute("tabindex", "0");
    title.addClickListener(click -> showDetails.run());
    title
        .getElement()
        .addEventListener("keydown", key -> showDetails.run())
        .setFilter("event.key === 'Enter'");
    var details = new NativeButton("Details", click -> showDetails.run());
    details.addClassNames("mr-card__link", "mr-card__details");
    details.getElement().setAttribute("aria-label", "Details of " + data.movie().titleWithYear());
    links.addComponentAsFirst(details);
    links.setVisible(true);
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

  private Div posterFrame(MovieRef movie) {
    var frame = new Div();
    frame.addClassName("mr-card__poster-frame");
    frame.getStyle().set("--mr-poster-tint", GeneratedPoster.colourFor(movie.genres()));
    Optional<String> tmdbUrl = TmdbLinks.tmdbMovieUrl(movie);
    if (tmdbUrl.isPresent()) {
      var link = new Anchor(tmdbUrl.get(), poster);
      link.addClassName("mr-card__poster-link");
      link.setTarget(AnchorTarget.BLANK);
      link.getElement().setAttribute("rel", "noopener noreferrer");
      link.getElement()
          .setAttribute("aria-label", movie.titleWithYear() + " on TMDB (opens in a new tab)");
      frame.add(link);
    } else {
      frame.add(poster);
    }
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
    alsPart = scorePart("ALS", "als");
    contentPart = scorePart("Content", "content");
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
    part.add(name, number, bar);
    return part;
  }

  /** Children of a part, as built by {@link #scorePart}: label, value, bar (with its fill). */
  private static void showPart(Span part, double value, DoubleUnaryOperator barScale) {
    part.setClassName("mr-score__part--na", Double.isNaN(value));
    var number = (Span) part.getComponentAt(1);
    number.setText(format(value));
    var fill = (Span) part.getComponentAt(2).getChildren().findFirst().orElseThrow();
    fill.getStyle()
        .set(
            "width", barPercent(Double.isNaN(value) ? value : barScale.applyAsDouble(value)) + "%");
  }

  private static Anchor imdbLink(MovieRef movie, String imdbUrl) {
    var imdb = new Anchor(imdbUrl, "IMDb");
    imdb.addClassName("mr-card__link");
    imdb.setTarget(AnchorTarget.BLANK);
    imdb.getElement().setAttribute("rel", "noopener noreferrer");
    imdb.getElement()
        .setAttribute("aria-label", movie.titleWithYear() + " on IMDb (opens in a new tab)");
    return imdb;
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

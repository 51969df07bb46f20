package app.movierec.ui.components;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.ScoredMovie;
import app.movierec.tmdb.GeneratedPoster;
import app.movierec.tmdb.MovieRef;
import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.DomEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class MovieCardTest {

  private static final MovieRef TOY_STORY =
      new MovieRef(1, 862L, "Toy Story", 1995, List.of("Adventure", "Animation", "Children"));
  private static final MovieRef NO_IDS = new MovieRef(2, null, "Obscure Short", null, List.of());
  private static final String TMDB_POSTER = "https://image.tmdb.org/t/p/w342/toy.jpg";

  @BeforeEach
  void setUpVaadin() {
    MockVaadin.setup();
  }

  @AfterEach
  void tearDownVaadin() {
    MockVaadin.tearDown();
  }

  private static MovieCard show(MovieCardData data, String posterUrl) {
    var card = new MovieCard(data, posterUrl);
    UI.getCurrent().add(card);
    return card;
  }

  private static Span scorePart(MovieCard card, String kind) {
    return _get(card, Span.class, spec -> spec.withClasses("mr-score__part--" + kind));
  }

  private static String valueOf(Span part) {
    return _get(part, Span.class, spec -> spec.withClasses("mr-score__value")).getText();
  }

  @Test
  void the_poster_and_the_title_open_the_movies_own_page() {
    MovieCard card = show(new MovieCardData(TOY_STORY, "0114709", 0.87, 0.91, 0.62), TMDB_POSTER);

    Anchor poster = _get(card, Anchor.class, spec -> spec.withClasses("mr-card__poster-link"));
    Anchor title = _get(card, Anchor.class, spec -> spec.withClasses("mr-card__title-link"));

    assertThat(poster.getHref()).isEqualTo("movie/1");
    assertThat(title.getHref()).isEqualTo("movie/1");
    assertThat(poster.getElement().getAttribute("aria-label")).isEqualTo("Open Toy Story (1995)");
    assertThat(_get(poster, Image.class).getSrc()).isEqualTo(TMDB_POSTER);
  }

  @Test
  void links_to_the_movies_tmdb_page_in_a_new_tab() {
    MovieCard card = show(new MovieCardData(TOY_STORY, "0114709", 0.87, 0.91, 0.62), TMDB_POSTER);

    Anchor link = _get(card, Anchor.class, spec -> spec.withClasses("mr-card__link--tmdb"));

    assertThat(link.getHref()).isEqualTo("https://www.themoviedb.org/movie/862");
    assertThat(link.getTarget()).hasValue("_blank");
    assertThat(link.getElement().getAttribute("rel")).contains("noopener");
    assertThat(link.getElement().getAttribute("aria-label"))
        .isEqualTo("Toy Story (1995) on TMDB (opens in a new tab)");
  }

  @Test
  void shows_the_generated_poster_without_its_title_and_no_external_links_without_ids() {
    MovieCard card = show(MovieCardData.unscored(NO_IDS, null), null);

    assertThat(_find(card, Anchor.class, spec -> spec.withClasses("mr-card__link"))).isEmpty();
    assertThat(_get(card, Image.class).getSrc())
        .isEqualTo(GeneratedPoster.dataUriWithoutTitle(NO_IDS));
  }

  @Test
  void shows_a_movielens_title_as_people_write_it_with_other_titles_below() {
    var city =
        new MovieRef(
            29,
            902L,
            "City of Lost Children, The (Cité des enfants perdus, La)",
            1995,
            List.of("Adventure"));
    MovieCard card = show(MovieCardData.unscored(city, null), null);

    assertThat(_get(card, H3.class).getElement().getTextRecursively())
        .isEqualTo("The City of Lost Children");
    assertThat(_get(card, Span.class, spec -> spec.withClasses("mr-card__aka")).getText())
        .isEqualTo("a.k.a. La Cité des enfants perdus");
    assertThat(card.getElement().getAttribute("aria-label"))
        .isEqualTo("The City of Lost Children (1995)");
  }

  @Test
  void shows_a_badge_people_read_and_hides_it_again() {
    MovieCard card = show(new MovieCardData(TOY_STORY, null, 3.0, 3.0, 1.0), null);
    assertThat(card.getBadge()).isNull();

    card.setBadge("99% match", "how it is computed");

    Span badge = _get(card, Span.class, spec -> spec.withClasses("mr-card__badge"));
    assertThat(badge.getText()).isEqualTo("99% match");
    assertThat(badge.getElement().getAttribute("title")).isEqualTo("how it is computed");
    card.setBadge(null, null);
    assertThat(card.getBadge()).isNull();
  }

  @Test
  void describes_the_poster_with_title_and_year_as_alt_text() {
    MovieCard card = show(new MovieCardData(TOY_STORY, null, 0.5, 0.5, 0.5), TMDB_POSTER);

    assertThat(_get(card, Image.class).getAlt()).hasValue("Poster of Toy Story (1995)");
  }

  @Test
  void shows_title_year_and_genres() {
    MovieCard card = show(new MovieCardData(TOY_STORY, null, 0.5, 0.5, 0.5), null);

    assertThat(_get(card, H3.class).getElement().getTextRecursively()).isEqualTo("Toy Story");
    assertThat(_get(card, Span.class, spec -> spec.withClasses("mr-card__year")).getText())
        .isEqualTo("1995");
    assertThat(_get(card, Span.class, spec -> spec.withClasses("mr-card__genres")).getText())
        .isEqualTo("Adventure · Animation · Children");
  }

  @Test
  void shows_the_score_with_its_als_and_content_parts() {
    ScoredMovie scored = new ScoredMovie(1, 0.873, 0.912, 0.618);
    MovieCard card = show(MovieCardData.of(TOY_STORY, "0114709", scored), null);

    assertThat(_get(card, Span.class, spec -> spec.withClasses("mr-score__total")).getText())
        .isEqualTo("0.87");
    assertThat(valueOf(scorePart(card, "als"))).isEqualTo("0.91");
    assertThat(valueOf(scorePart(card, "content"))).isEqualTo("0.62");
    assertThat(
            _get(scorePart(card, "als"), Span.class, spec -> spec.withClasses("mr-score__fill"))
                .getStyle()
                .get("width"))
        .isEqualTo("91%");
    assertThat(card.getElement().toString())
        .contains("aria-label=\"Score 0.87: ALS 0.91, content 0.62\"");
    assertThat(
            _get(scorePart(card, "als"), Span.class, spec -> spec.withClasses("mr-score__percent"))
                .getText())
        .as("what people read: the bar's share")
        .isEqualTo("91%");
  }

  @Test
  void shows_a_new_score_in_place_without_touching_the_poster() {
    MovieCard card = show(new MovieCardData(TOY_STORY, "0114709", 0.5, 0.5, 0.5), TMDB_POSTER);
    Span total = _get(card, Span.class, spec -> spec.withClasses("mr-score__total"));

    card.setScore(0.9, Double.NaN, 0.8);

    assertThat(_get(card, Span.class, spec -> spec.withClasses("mr-score__total"))).isSameAs(total);
    assertThat(total.getText()).isEqualTo("0.90");
    assertThat(valueOf(scorePart(card, "als"))).isEqualTo("–");
    assertThat(scorePart(card, "als").getClassNames()).contains("mr-score__part--na");
    assertThat(valueOf(scorePart(card, "content"))).isEqualTo("0.80");
    assertThat(card.getData().score()).isEqualTo(0.9);
    assertThat(card.getPosterUrl()).isEqualTo(TMDB_POSTER);

    card.setScore(0.7, 0.6, 0.8);
    assertThat(scorePart(card, "als").getClassNames()).doesNotContain("mr-score__part--na");
  }

  @Test
  void draws_unbounded_scores_through_the_bar_scale_but_shows_their_numbers() {
    MovieCard card = show(new MovieCardData(TOY_STORY, null, 3.2, 4.0, 0.0), null);

    card.setBarScale(ScoredMovie::toUnitInterval);

    Span als = scorePart(card, "als");
    assertThat(valueOf(als)).isEqualTo("4.00");
    assertThat(
            _get(als, Span.class, spec -> spec.withClasses("mr-score__fill"))
                .getStyle()
                .get("width"))
        .isEqualTo("100%");
    assertThat(
            _get(scorePart(card, "content"), Span.class, spec -> spec.withClasses("mr-score__fill"))
                .getStyle()
                .get("width"))
        .isEqualTo("50%");
  }

  @Test
  void marks_a_score_part_that_does_not_apply() {
    MovieCard card = show(new MovieCardData(TOY_STORY, null, 0.4, Double.NaN, 0.4), null);

    assertThat(scorePart(card, "als").getClassNames()).contains("mr-score__part--na");
    assertThat(valueOf(scorePart(card, "als"))).isEqualTo("–");
  }

  @Test
  void leaves_out_the_score_line_for_an_unscored_movie() {
    MovieCard card = show(MovieCardData.unscored(TOY_STORY, null), null);

    assertThat(_find(card, Span.class, spec -> spec.withClasses("mr-score__total"))).isEmpty();
  }

  @Test
  void links_to_imdb_when_the_imdb_id_is_known() {
    MovieCard card = show(new MovieCardData(TOY_STORY, "0114709", 0.5, 0.5, 0.5), null);

    Anchor imdb = _get(card, Anchor.class, spec -> spec.withClasses("mr-card__link--imdb"));

    assertThat(imdb.getHref()).isEqualTo("https://www.imdb.com/title/tt0114709/");
    assertThat(imdb.getText()).isEqualTo("IMDb");
    assertThat(imdb.getTarget()).hasValue("_blank");
  }

  @Test
  void has_no_imdb_link_without_an_imdb_id() {
    MovieCard card = show(new MovieCardData(TOY_STORY, null, 0.5, 0.5, 0.5), null);

    assertThat(_find(card, Anchor.class, spec -> spec.withClasses("mr-card__link--imdb")))
        .isEmpty();
  }

  @Test
  void swaps_in_a_poster_that_arrives_later() {
    MovieCard card = show(MovieCardData.unscored(TOY_STORY, null), null);

    card.setPosterUrl(TMDB_POSTER);

    assertThat(_get(card, Image.class).getSrc()).isEqualTo(TMDB_POSTER);
    assertThat(card.getPosterUrl()).isEqualTo(TMDB_POSTER);
  }

  @Test
  void shows_the_poster_available_now_and_swaps_in_the_real_one_when_it_arrives() throws Exception {
    MovieCard card = show(MovieCardData.unscored(TOY_STORY, null), null);
    var realPoster = new CompletableFuture<String>();

    card.showPoster(GeneratedPoster.dataUri(TOY_STORY), realPoster);
    assertThat(card.getPosterUrl()).isEqualTo(GeneratedPoster.dataUri(TOY_STORY));

    Thread worker = new Thread(() -> realPoster.complete(TMDB_POSTER));
    worker.start();
    worker.join();
    MockVaadin.runUIQueue();

    assertThat(_get(card, Image.class).getSrc()).isEqualTo(TMDB_POSTER);
  }

  @Test
  void shows_an_already_resolved_poster_at_once() {
    MovieCard card = show(MovieCardData.unscored(TOY_STORY, null), null);

    card.showPoster(
        GeneratedPoster.dataUri(TOY_STORY), CompletableFuture.completedFuture(TMDB_POSTER));

    assertThat(_get(card, Image.class).getSrc()).isEqualTo(TMDB_POSTER);
  }

  @Test
  void falls_back_to_the_generated_poster_when_the_image_fails_to_load() {
    MovieCard card = show(MovieCardData.unscored(TOY_STORY, null), TMDB_POSTER);
    Image poster = _get(card, Image.class);

    ElementUtilsKt._fireDomEvent(
        poster.getElement(),
        new DomEvent(poster.getElement(), "error", JsonNodeFactory.instance.objectNode()));

    assertThat(poster.getSrc()).isEqualTo(GeneratedPoster.dataUriWithoutTitle(TOY_STORY));
  }

  @Test
  void carries_the_theme_classes() {
    MovieCard card = show(MovieCardData.unscored(TOY_STORY, null), null);

    assertThat(card.getElement().getClassList()).contains("mr-card");
    assertThat(card.getElement().getTag()).isEqualTo("article");
  }
}

package app.movierec.ui;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.ScoredMovie;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.Mode;
import app.movierec.recommend.RecommendationService;
import app.movierec.ui.components.MovieCard;
import app.movierec.ui.components.TasteChart;
import com.github.mvysny.kaributesting.v10.KaribuConfig;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The main page without a browser, on the tiny fixture (users 1-4, movies 1-10): the grid follows
 * the recommender for the chosen user, tab and blend, invalid input shows inline errors, and the
 * state round-trips through the URL.
 */
@SpringBootTest
class RecommendationsViewTest {

  @Autowired ApplicationContext context;
  @Autowired RecommendationService recommender;
  @Autowired RatingService ratings;

  @BeforeEach
  void setUp() {
    KaribuSpring.awaitReady(recommender, Duration.ofSeconds(60));
    KaribuSpring.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSpring.tearDown();
  }

  private static RecommendationsView open(String query) {
    UI.getCurrent().navigate("", QueryParameters.fromString(query));
    return _get(RecommendationsView.class);
  }

  /** The grid's movies in the order they are seen. */
  private static List<Integer> gridMovieIds() {
    return _get(RecommendationsView.class).cardsInRankOrder().stream()
        .map(card -> card.getData().movie().movieId())
        .toList();
  }

  private List<Integer> recommended(int userId, Mode mode, double alsWeight) {
    return recommender
        .recommend(userId, mode.weights(alsWeight), RecommendationsView.GRID_SIZE)
        .stream()
        .map(ScoredMovie::movieId)
        .toList();
  }

  private static TextField userField() {
    return _get(TextField.class, spec -> spec.withId("user-id"));
  }

  private static DecimalSlider slider() {
    return _get(DecimalSlider.class, spec -> spec.withId("blend-slider"));
  }

  @Test
  void shows_the_grid_the_recommender_ranks_for_the_state_in_the_url() {
    RecommendationsView view = open("user=1&mode=hybrid&alsWeight=0.6");

    assertThat(gridMovieIds()).isNotEmpty().isEqualTo(recommended(1, Mode.HYBRID, 0.6));
    assertThat(userField().getValue()).isEqualTo("1");
    assertThat(_get(Tabs.class).getSelectedTab().getId()).hasValue("tab-hybrid");
    assertThat(slider().getValue()).isEqualTo(0.6);
    assertThat(_get(Span.class, spec -> spec.withId("als-weight")).getText())
        .isEqualTo("Similar users · α 0.6");
    assertThat(_get(Span.class, spec -> spec.withId("content-weight")).getText())
        .isEqualTo("Similar content · β 0.4");
    assertThat(view.state()).isEqualTo(new BrowseState(1, Mode.HYBRID, 0.6));
    assertThat(_get(RecommendationsView.class).cardsInRankOrder())
        .extracting(MovieCard::getBadge)
        .as("every card says how well it matches, in words")
        .allMatch(badge -> badge.endsWith("% match"));
    assertThat(CurrentUser.get()).as("the header's user").contains(1);
  }

  @Test
  void moving_the_slider_reblends_the_grid_and_writes_the_weight_into_the_url() {
    RecommendationsView view = open("user=3&mode=hybrid&alsWeight=0.5");

    for (double alsWeight : new double[] {0.0, 0.25, 0.8, 1.0}) {
      _setValue(slider(), alsWeight);

      assertThat(gridMovieIds())
          .as("grid at alsWeight %s", alsWeight)
          .isEqualTo(recommended(3, Mode.HYBRID, alsWeight));
      assertThat(view.state().alsWeight()).isEqualTo(alsWeight);
    }
    assertThat(view.location()).isEqualTo("?user=3&mode=hybrid&alsWeight=1");

    // the script calls the page gets from now on: Karibu hands those of a simulated round trip to
    // its handlers, the others stay pending
    UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    List<PendingJavaScriptInvocation> scripts = new ArrayList<>();
    Function1<PendingJavaScriptInvocation, Unit> recorder =
        call -> {
          scripts.add(call);
          return Unit.INSTANCE;
        };
    KaribuConfig.getPendingJavascriptInvocationHandlers().add(recorder);
    try {
      _fireDomEvent(slider(), "change"); // released: the DOM follows the ranking too
    } finally {
      KaribuConfig.getPendingJavascriptInvocationHandlers().remove(recorder);
    }
    scripts.addAll(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations());
    assertThat(
            _find(_get(Div.class, spec -> spec.withId("recommendations")), MovieCard.class).stream()
                .map(card -> card.getData().movie().movieId()))
        .containsExactlyElementsOf(recommended(3, Mode.HYBRID, 1.0));
    // and the address is written once more, should a step's one-off script call have been lost
    assertThat(scripts)
        .anySatisfy(
            call -> {
              // History.replaceState, as Vaadin's router sends it
              assertThat(call.getInvocation().getExpression()).contains("replace: true");
              assertThat(call.getInvocation().getParameters())
                  .anySatisfy(
                      parameter -> assertThat(String.valueOf(parameter)).contains("alsWeight=1"));
            });
  }

  @Test
  void the_als_and_content_tabs_show_the_pure_lists_and_hide_the_slider() {
    RecommendationsView view = open("user=1&mode=hybrid&alsWeight=0.5");
    Tabs tabs = _get(Tabs.class);

    tabs.setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-als")));
    assertThat(gridMovieIds()).isEqualTo(recommended(1, Mode.ALS, 0.5));
    assertThat(_find(Div.class, spec -> spec.withId("blend"))).as("the slider, hidden").isEmpty();
    assertThat(view.location()).isEqualTo("?user=1&mode=als&alsWeight=0.5");

    tabs.setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-content")));
    assertThat(gridMovieIds()).isEqualTo(recommended(1, Mode.CONTENT, 0.5));
    assertThat(view.location()).isEqualTo("?user=1&mode=content&alsWeight=0.5");

    tabs.setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-hybrid")));
    assertThat(_find(Div.class, spec -> spec.withId("blend"))).as("the slider, shown").hasSize(1);
    assertThat(gridMovieIds()).isEqualTo(recommended(1, Mode.HYBRID, 0.5));
  }

  @Test
  void typing_a_user_id_shows_their_profile_favourites_and_recommendations() {
    RecommendationsView view = open("");
    assertThat(gridMovieIds()).isEmpty();
    assertThat(
            _get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("grid-empty"))
                .getText())
        .contains("Type a user id");

    _setValue(userField(), "2");

    assertThat(userField().isInvalid()).isFalse();
    assertThat(gridMovieIds())
        .isEqualTo(recommended(2, Mode.HYBRID, BrowseState.DEFAULT_ALS_WEIGHT));
    assertThat(_get(Span.class, spec -> spec.withId("user-summary")).getText())
        .startsWith("4 ratings · average 3.9★");
    Div favourites = _get(Div.class, spec -> spec.withId("favourites"));
    // user 2 rated movie 3 (5.0) best, then 10 (4.5), 1 (4.0); 5 (2.0) is a dislike, never shown
    assertThat(
            _find(favourites, MovieCard.class).stream()
                .map(card -> card.getData().movie().movieId()))
        .containsExactly(3, 10, 1);
    assertThat(view.location()).isEqualTo("?user=2&mode=hybrid&alsWeight=0.8");
  }

  @Test
  void a_visitor_who_rated_in_the_app_gets_recommendations_without_a_retrain() {
    int visitor = ratings.createVisitor().userId();
    ratings.rate(visitor, 1, 5.0);
    ratings.rate(visitor, 10, 4.5);

    open("user=" + visitor + "&mode=hybrid&alsWeight=0.5");

    assertThat(userField().isInvalid()).isFalse();
    assertThat(gridMovieIds())
        .isNotEmpty()
        .doesNotContain(1, 10)
        .isEqualTo(recommended(visitor, Mode.HYBRID, 0.5));
    assertThat(_get(Span.class, spec -> spec.withId("user-summary")).getText())
        .startsWith("2 ratings");
  }

  @Test
  void letters_in_the_user_field_show_an_inline_error_and_keep_the_grid() {
    RecommendationsView view = open("user=1");
    List<Integer> before = gridMovieIds();

    _setValue(userField(), "abc");

    assertThat(userField().isInvalid()).isTrue();
    assertThat(userField().getErrorMessage()).contains("positive whole number");
    assertThat(gridMovieIds()).isEqualTo(before);
    assertThat(view.state().userId()).isEqualTo(1);
  }

  @Test
  void an_unknown_user_id_shows_an_inline_error_and_an_empty_grid() {
    open("user=1");

    _setValue(userField(), "999");

    assertThat(userField().isInvalid()).isTrue();
    assertThat(userField().getErrorMessage())
        .isEqualTo("No user 999 in this dataset. Try another id or a random user.");
    assertThat(gridMovieIds()).isEmpty();
    assertThat(_find(Div.class, spec -> spec.withId("user-profile")))
        .as("the profile, hidden")
        .isEmpty();
  }

  @Test
  void bad_url_parameters_fall_back_to_the_defaults_with_a_visible_note() {
    RecommendationsView view = open("user=-3&mode=foo&alsWeight=abc");

    assertThat(view.state()).isEqualTo(BrowseState.DEFAULT);
    Div notes = _get(Div.class, spec -> spec.withId("url-notes"));
    assertThat(notes.isVisible()).isTrue();
    assertThat(notes.getElement().getTextRecursively())
        .contains("Ignored user=-3", "Ignored mode=foo", "Ignored alsWeight=abc");
    assertThat(_get(Tabs.class).getSelectedTab().getId()).hasValue("tab-hybrid");
    assertThat(slider().getValue()).isEqualTo(BrowseState.DEFAULT_ALS_WEIGHT);
  }

  @Test
  void an_old_bookmark_with_alpha_still_sets_the_als_weight_and_the_url_says_als_weight() {
    RecommendationsView view = open("user=1&mode=hybrid&alpha=0.3");

    assertThat(view.state().alsWeight()).isEqualTo(0.3);
    assertThat(view.location()).isEqualTo("?user=1&mode=hybrid&alsWeight=0.3");
  }

  @Test
  void the_random_user_button_shows_a_user_the_model_knows() {
    RecommendationsView view = open("mode=als");

    _click(_get(Button.class, spec -> spec.withId("random-user")));

    Integer userId = view.state().userId();
    assertThat(userId).isNotNull();
    assertThat(recommender.historyOf(userId).isEmpty()).isFalse();
    assertThat(userField().getValue()).isEqualTo(String.valueOf(userId));
    assertThat(gridMovieIds())
        .isEqualTo(recommended(userId, Mode.ALS, BrowseState.DEFAULT_ALS_WEIGHT));
    assertThat(view.location()).isEqualTo("?user=" + userId + "&mode=als&alsWeight=0.8");
  }

  @Test
  void a_cards_title_opens_the_movie_page_with_similar_movies_and_why_it_was_recommended() {
    open("user=1&mode=hybrid");
    MovieCard first =
        _find(_get(Div.class, spec -> spec.withId("recommendations")), MovieCard.class).getFirst();
    int movieId = first.getData().movie().movieId();
    Anchor title = _get(first, Anchor.class, spec -> spec.withClasses("mr-card__title-link"));
    assertThat(title.getHref()).isEqualTo("movie/" + movieId);

    UI.getCurrent().navigate(title.getHref());

    MovieView page = _get(MovieView.class);
    assertThat(page.getPageTitle()).startsWith(first.getElement().getAttribute("aria-label"));
    String text = page.getElement().getTextRecursively();
    assertThat(text)
        .contains(
            "Content model:",
            "More like this",
            "Similar content",
            "Similar users (ALS)",
            "Why user 1 would get it");
    assertThat(_find(_get(Section.class, spec -> spec.withId("more-like-this")), MovieCard.class))
        .extracting(card -> card.getData().movie().movieId())
        .isNotEmpty()
        .doesNotContain(movieId);
  }

  @Test
  void the_movie_page_of_a_movie_the_user_rated_does_not_explain_it() {
    open("user=2");

    UI.getCurrent().navigate("movie/3"); // user 2 rated movie 3 with 5 stars

    String why = _get(Section.class, spec -> spec.withId("why")).getElement().getTextRecursively();
    assertThat(why).contains("User 2 rated it").doesNotContain("Why user 2");
  }

  @Test
  void an_unknown_movie_shows_the_not_found_page() {
    UI.getCurrent().navigate("movie/999999");

    // (unknown paths, and their HTTP 404, are the browser test's: Karibu has its own router errors)
    assertThat(_get(NotFoundView.class).getElement().getTextRecursively())
        .contains("There is no movie 999999 in this dataset.");
  }

  @Test
  void the_profile_draws_the_users_taste_as_a_chart() {
    open("user=2");

    TasteChart chart = _get(TasteChart.class);
    assertThat(chart.isVisible()).isTrue();
    // user 2 liked movies 3, 10 and 1, all three in the fixture's genome
    assertThat(chart.getElement().getTextRecursively()).contains("Your strongest genome tags");
  }
}

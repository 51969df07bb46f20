package app.movierec.ui.onboarding;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.UserHistory;
import app.movierec.ratings.RatingService;
import app.movierec.ratings.Visitor;
import app.movierec.recommend.ModelLifecycle;
import app.movierec.recommend.ModelReady;
import app.movierec.recommend.RecommendationService;
import app.movierec.ui.OperatorLogin;
import app.movierec.ui.admin.AdminView;
import app.movierec.ui.components.MovieCard;
import app.movierec.ui.components.StarRating;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The onboarding page without a browser, on the tiny fixture: search, rate, watch the
 * recommendations follow.
 */
@SpringBootTest
class OnboardingViewTest {

  private static final Routes ROUTES = new Routes().autoDiscoverViews("app.movierec.ui");

  @Autowired ApplicationContext context;
  @Autowired RecommendationService recommender;
  @Autowired ModelLifecycle models;
  @Autowired RatingService ratings;

  @BeforeEach
  void setUp() throws InterruptedException {
    ModelReady.await(recommender, null);
    MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
  }

  @AfterEach
  void tearDown() {
    OperatorLogin.logOut();
    MockVaadin.tearDown();
  }

  private static OnboardingView open(String query) {
    UI.getCurrent().navigate("start", QueryParameters.fromString(query));
    return _get(OnboardingView.class);
  }

  private static List<Integer> cardIds(String containerId) {
    Div container = _get(Div.class, spec -> spec.withId(containerId));
    return _find(container, MovieCard.class).stream()
        .map(card -> card.getData().movie().movieId())
        .toList();
  }

  private List<Integer> recommendedForNobody() {
    return recommender.recommend(UserHistory.empty(), recommender.defaultWeights(), 5).stream()
        .map(app.movierec.common.ScoredMovie::movieId)
        .toList();
  }

  private static void search(String text) {
    _setValue(_get(TextField.class, spec -> spec.withId("search")), text);
  }

  private static void clickStars(String stars) {
    Div results = _get(Div.class, spec -> spec.withId("rate-grid"));
    NativeButton button =
        _find(results, NativeButton.class).stream()
            .filter(b -> stars.equals(b.getElement().getAttribute("data-stars")))
            .findFirst()
            .orElseThrow();
    _click(button);
  }

  @Test
  void a_visitor_finds_a_movie_without_accents_and_their_first_rating_creates_their_user() {
    OnboardingView view = open("");
    assertThat(view.userId()).isEmpty();
    assertThat(cardIds("recommendations")).isEmpty();

    search("amelie");
    assertThat(cardIds("rate-grid")).containsExactly(3);
    clickStars("5.0");

    int userId = view.userId().orElseThrow();
    assertThat(userId).isGreaterThanOrEqualTo(Visitor.FIRST_ID);
    assertThat(ratings.liveHistoryOf(userId))
        .isEqualTo(UserHistory.builder(userId).rate(3, 5).build());
    assertThat(_get(Paragraph.class, spec -> spec.withId("who")).getText())
        .contains(String.valueOf(userId));
    assertThat(_get(Anchor.class, spec -> spec.withId("profile-link")).getHref())
        .isEqualTo("/?user=" + userId + "&mode=hybrid");
    assertThat(cardIds("recommendations")).isNotEmpty().doesNotContain(3);
  }

  @Test
  void each_rating_updates_the_recommendations_at_once() {
    open("");
    search("toy story");
    clickStars("4.5"); // the like button (4.5 stars)
    List<Integer> first = cardIds("recommendations");
    assertThat(first).isNotEmpty().doesNotContain(1);

    search("crouching tiger");
    clickStars("3.0");

    assertThat(cardIds("recommendations")).doesNotContain(1, 4);
  }

  @Test
  void the_operator_rates_as_a_movielens_user_and_their_list_drops_the_rated_movie() {
    OperatorLogin.logIn();
    OnboardingView view = open("user=4");
    assertThat(view.userId()).contains(4);
    List<Integer> before = cardIds("recommendations");
    assertThat(before).contains(2);

    search("american president");
    clickStars("2.0");

    assertThat(cardIds("recommendations")).doesNotContain(2);
  }

  @Test
  void a_new_visitor_sees_the_most_rated_movies_to_rate_at_once() {
    open("");

    List<Integer> grid = cardIds("rate-grid");
    assertThat(grid).isNotEmpty().startsWith(recommendedForNobody().getFirst());
    assertThat(_find(_get(Div.class, spec -> spec.withId("rate-grid")), StarRating.class))
        .hasSameSizeAs(grid);
  }

  @Test
  void a_rating_shows_in_your_ratings_and_undo_takes_it_back() {
    OnboardingView view = open("");
    search("amelie");
    clickStars("4.0");
    clickStars("4.0"); // the same star again: half a star less
    int userId = view.userId().orElseThrow();
    assertThat(ratings.liveHistoryOf(userId).ratingOf(3)).isEqualTo(3.5f);
    assertThat(cardIds("rated")).containsExactly(3);

    _click(
        _get(
            _get(Div.class, spec -> spec.withId("rate-grid")),
            NativeButton.class,
            spec -> spec.withClasses("mr-rating__undo")));

    assertThat(ratings.liveHistoryOf(userId).ratingOf(3)).as("back to 4 stars").isEqualTo(4.0f);
  }

  @Test
  void an_unknown_user_in_the_url_starts_as_a_new_visitor() {
    assertThat(open("user=999").userId()).isEmpty();
    assertThat(_get(Paragraph.class, spec -> spec.withId("who")).getText())
        .isEqualTo("There is no user 999. Rate a movie to start as a new visitor.");
  }

  @Test
  void the_admin_retrain_button_retrains_while_the_app_keeps_serving() throws Exception {
    int visitor = ratings.createVisitor().userId();
    ratings.rate(visitor, 2, 5.0);
    OperatorLogin.logIn();
    UI.getCurrent().navigate("admin");
    AdminView admin = _get(AdminView.class);
    _click(_get(Button.class, spec -> spec.withId("retrain")));

    assertThat(recommender.ready()).isTrue();
    admin.lastRetrain().get(90, TimeUnit.SECONDS);
    assertThat(recommender.ready()).isTrue();
    assertThat(models.require().trainedHistory(visitor))
        .as("the retrained model includes live ratings")
        .isPresent();
  }
}

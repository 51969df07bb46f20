package app.movierec.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.catalog.Movie;
import app.movierec.recommend.RecommendationService;
import app.movierec.ui.admin.AdminView;
import app.movierec.ui.onboarding.OnboardingView;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The header every page shares, without a browser, on the tiny fixture: the title search suggests
 * natural titles and opens the chosen movie's page, the current user follows the session, and the
 * movie page's own rating control makes a visitor and stops explaining the movie once it is rated.
 */
@SpringBootTest
class MainLayoutTest {

  @Autowired ApplicationContext context;
  @Autowired RecommendationService recommender;

  @BeforeEach
  void setUp() {
    KaribuSpring.awaitReady(recommender, Duration.ofSeconds(60));
    KaribuSpring.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSpring.tearDown();
  }

  @SuppressWarnings("unchecked")
  private static ComboBox<Movie> titleSearch() {
    return _get(ComboBox.class, spec -> spec.withId("title-search"));
  }

  private static Anchor currentUser() {
    return _get(Anchor.class, spec -> spec.withId("current-user"));
  }

  @Test
  void every_page_has_the_header_with_the_search_the_rating_link_and_the_user() {
    for (var page : new Class<?>[] {OnboardingView.class, StatusView.class, AdminView.class}) {
      UI.getCurrent().navigate(page.asSubclass(com.vaadin.flow.component.Component.class));

      assertThat(_get(MainLayout.class)).as(page.getSimpleName()).isNotNull();
      assertThat(titleSearch().getPlaceholder()).isEqualTo("Search a movie");
      assertThat(_get(Anchor.class, spec -> spec.withId("start-link")).getHref())
          .isEqualTo("start");
      assertThat(currentUser().getText()).isEqualTo("No user yet");
    }
  }

  @Test
  void the_title_search_suggests_natural_titles_and_opens_the_chosen_movies_page() {
    UI.getCurrent().navigate(RecommendationsView.class);
    ComboBox<Movie> search = titleSearch();

    ComboBoxKt.setUserInput(search, "american president");

    assertThat(ComboBoxKt.getSuggestions(search)).containsExactly("The American President (1995)");

    ComboBoxKt.selectByLabel(search, "The American President (1995)");

    MovieView page = _get(MovieView.class);
    assertThat(page.getPageTitle()).isEqualTo("The American President (1995) · movierec");
    assertThat(_get(Anchor.class, spec -> spec.withId("movie-imdb")).getHref())
        .isEqualTo("https://www.imdb.com/title/tt0112346/");
    assertThat(_get(Anchor.class, spec -> spec.withId("movie-tmdb")).getHref())
        .isEqualTo("https://www.themoviedb.org/movie/9087");
    assertThat(titleSearch().getValue()).as("the search is empty again").isNull();
  }

  @Test
  void the_header_shows_the_user_last_chosen_and_leads_back_to_their_recommendations() {
    UI.getCurrent().navigate("", QueryParameters.fromString("user=2&mode=als"));
    UI.getCurrent().navigate("status");

    assertThat(currentUser().getText()).isEqualTo("User 2");
    assertThat(currentUser().getHref()).startsWith("?user=2&mode=hybrid");
  }

  @Test
  void rating_on_a_movie_page_without_a_user_makes_a_visitor_and_ends_the_explanation() {
    UI.getCurrent().navigate("movie/1");
    assertThat(CurrentUser.get()).isEmpty();
    assertThat(_find(Section.class, spec -> spec.withId("why"))).as("nothing to explain").isEmpty();

    Div rating = _get(Div.class, spec -> spec.withId("movie-rating"));
    _click(
        _find(rating, NativeButton.class).stream()
            .filter(button -> "4.0".equals(button.getElement().getAttribute("data-stars")))
            .findFirst()
            .orElseThrow());

    Optional<Integer> visitor = CurrentUser.get();
    assertThat(visitor).isPresent();
    assertThat(visitor.get()).isGreaterThanOrEqualTo(1_000_000_000);
    assertThat(currentUser().getText()).isEqualTo("User " + visitor.get());
    assertThat(_get(Section.class, spec -> spec.withId("why")).getElement().getTextRecursively())
        .contains("User " + visitor.get() + " rated it", "4.0★")
        .doesNotContain("Why user");
  }
}

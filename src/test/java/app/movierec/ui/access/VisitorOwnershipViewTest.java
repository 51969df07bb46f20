package app.movierec.ui.access;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.ratings.RatingService;
import app.movierec.ratings.Visitor;
import app.movierec.recommend.ModelReady;
import app.movierec.recommend.RecommendationService;
import app.movierec.security.VisitorSession;
import app.movierec.security.WriteAccess;
import app.movierec.ui.OperatorLogin;
import app.movierec.ui.admin.AdminView;
import app.movierec.ui.onboarding.OnboardingView;
import com.github.mvysny.fakeservlet.FakeResponse;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The pages' side of visitors owning their ratings, without a browser: the browser that creates a
 * visitor gets the token as a cookie and alone may rate as that visitor; {@code /start?user=...}
 * for someone else, a MovieLens user included, does not let it rate as them; the operator may; and
 * in-app navigation to the admin page is refused to a browser that is not logged in.
 */
@SpringBootTest
class VisitorOwnershipViewTest {

  private static final Routes ROUTES = new Routes().autoDiscoverViews("app.movierec.ui");

  @Autowired ApplicationContext context;
  @Autowired RecommendationService recommender;
  @Autowired RatingService ratings;
  @Autowired VisitorSession visitors;

  @BeforeEach
  void setUp() {
    ModelReady.await(recommender, null);
    newBrowser();
  }

  @AfterEach
  void tearDown() {
    OperatorLogin.logOut();
    MockVaadin.tearDown();
  }

  private void newBrowser() {
    MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
  }

  private static Cookie visitorCookie() {
    Object response = VaadinResponse.getCurrent();
    for (int depth = 0; depth < 10 && !(response instanceof FakeResponse); depth++) {
      // VaadinServletResponse is itself a wrapper (its getHttpServletResponse() is itself)
      if (response instanceof ServletResponseWrapper wrapper) {
        response = wrapper.getResponse();
      } else if (response instanceof VaadinServletResponse vaadin) {
        response = vaadin.getHttpServletResponse();
      }
    }
    assertThat(response).isInstanceOf(FakeResponse.class);
    return ((FakeResponse) response).findCookie(VisitorSession.COOKIE);
  }

  @Test
  void the_browser_that_creates_a_visitor_gets_the_token_as_a_cookie_and_may_rate_as_them() {
    int visitor = visitors.startVisitor();

    Cookie cookie = visitorCookie();
    assertThat(cookie).isNotNull();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
    assertThat(cookie.getMaxAge()).isPositive();
    assertThat(ratings.visitorOfToken(cookie.getValue())).contains(visitor);
    assertThat(visitors.mayWrite(visitor)).isTrue();
    assertThat(visitors.rate(visitor, 5, 4.0).getUserId()).isEqualTo(visitor);

    // the same browser later (a new session), known by its cookie
    MockVaadin.tearDown();
    newBrowser();
    OperatorLogin.fakeRequest().addCookie(cookie);
    assertThat(visitors.ownVisitor()).contains(visitor);
    UI.getCurrent().navigate("start", QueryParameters.fromString("user=" + visitor));
    assertThat(_get(OnboardingView.class).userId()).contains(visitor);
  }

  @Test
  void another_browser_cannot_rate_as_a_visitor_it_did_not_create() {
    int owner = ratings.createVisitor().userId();

    assertThat(visitors.mayWrite(owner)).isFalse();
    assertThatThrownBy(() -> visitors.rate(owner, 5, 1.0))
        .isInstanceOf(WriteAccess.NotOwnerException.class);
    UI.getCurrent().navigate("start", QueryParameters.fromString("user=" + owner));
    assertThat(_get(OnboardingView.class).userId()).isEmpty();
    assertThat(ratings.ratingsOf(owner)).isEmpty();
  }

  @Test
  void a_movielens_user_is_read_only_on_the_pages_except_to_the_operator() {
    int before = ratings.ratingsOf(4).size();

    UI.getCurrent().navigate("start", QueryParameters.fromString("user=4"));
    assertThat(_get(OnboardingView.class).userId()).isEmpty();
    assertThatThrownBy(() -> visitors.rate(4, 5, 1.0))
        .isInstanceOf(WriteAccess.NotOwnerException.class);
    assertThat(ratings.ratingsOf(4)).hasSize(before);

    OperatorLogin.logIn();
    assertThat(visitors.mayWrite(4)).isTrue();
    visitors.rate(4, 5, 1.0);
    assertThat(visitors.deleteRating(4, 5)).isTrue(); // leave user 4 as found
    assertThat(Visitor.isVisitorId(4)).isFalse();
  }

  @Test
  void the_admin_page_is_refused_until_the_operator_logs_in() {
    // (a real browser is sent on to the login view: PageSecurityTest, SecurityBrowserTest)
    UI.getCurrent().navigate("admin");
    _assertNone(AdminView.class);

    OperatorLogin.logIn();
    UI.getCurrent().navigate("admin");
    assertThat(_get(AdminView.class)).isNotNull();
  }
}

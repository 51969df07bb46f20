package app.movierec.security;

import static app.movierec.security.WebClient.TEST_OPERATOR_PASSWORD;
import static app.movierec.security.WebClient.location;
import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.ProgressTracker;
import app.movierec.recommend.ModelReady;
import app.movierec.recommend.RecommendationService;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages' side of issue 12 over real HTTP, with the operator's password configured (the test
 * configuration's BCrypt hash): {@code /admin} needs the operator's login through the login form,
 * Spring's CSRF check stays on for the pages' form posts, unknown pages answer 404, and every page
 * carries the security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageSecurityTest {

  @LocalServerPort int port;
  @Autowired RecommendationService recommendations;
  @Autowired ProgressTracker progress;
  WebClient browser;

  @BeforeEach
  void modelReadyAndBrowser() {
    ModelReady.await(recommendations, progress);
    browser = new WebClient(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/admin", "/admin/anything", "/admin?x=1"})
  void the_admin_pages_send_a_browser_without_the_operator_login_to_the_login_page(String path) {
    HttpResponse<String> response = browser.get(path);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(location(response)).endsWith("/login");
  }

  @Test
  void the_configured_password_logs_the_operator_in_through_the_login_form() {
    browser.get("/admin"); // remembered: the login leads back here

    HttpResponse<String> wrong = browser.logIn("admin", "not the password");
    assertThat(wrong.statusCode()).isEqualTo(302);
    assertThat(location(wrong)).endsWith("/login?error");
    assertThat(browser.get("/admin").statusCode()).isEqualTo(302);

    HttpResponse<String> right = browser.logIn("admin", TEST_OPERATOR_PASSWORD);
    assertThat(right.statusCode()).isEqualTo(302);
    assertThat(location(right)).contains("/admin");

    HttpResponse<String> admin = browser.get("/admin");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("Retrain now");
  }

  @Test
  void csrf_protection_stays_on_a_login_post_without_the_token_is_refused() {
    browser.get("/login");

    HttpResponse<String> withoutToken =
        browser.postForm("/login", Map.of("username", "admin", "password", TEST_OPERATOR_PASSWORD));
    HttpResponse<String> wrongToken =
        browser.postForm(
            "/login",
            Map.of("username", "admin", "password", TEST_OPERATOR_PASSWORD, "_csrf", "forged"));

    assertThat(withoutToken.statusCode())
        .as(location(withoutToken) + " " + withoutToken.body())
        .isEqualTo(403);
    assertThat(wrongToken.statusCode()).as(location(wrongToken)).isEqualTo(403);
    assertThat(browser.get("/admin").statusCode()).as("still logged out").isEqualTo(302);
  }

  @Test
  void the_operator_logs_out_with_the_csrf_token_only() {
    browser.logIn("admin", TEST_OPERATOR_PASSWORD);
    assertThat(browser.get("/admin").statusCode()).isEqualTo(200);

    assertThat(browser.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(browser.get("/admin").statusCode()).as("a forged logout did nothing").isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/no-such-page", "/start/extra", "/status/1"})
  void an_unknown_page_answers_404(String path) {
    assertThat(browser.get(path).statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/start", "/status", "/login"})
  void every_page_answers_200_with_the_security_headers(String path) {
    HttpResponse<String> page = browser.get(path);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .contains(SecurityHeaders.PAGE_POLICY);
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
  }

  @Test
  void a_generated_poster_gets_the_strict_policy() {
    HttpResponse<String> poster = browser.get("/posters/generated/1.svg");

    assertThat(poster.statusCode()).isEqualTo(200);
    assertThat(poster.headers().firstValue("Content-Security-Policy"))
        .contains(SecurityHeaders.STRICT_POLICY);
  }
}

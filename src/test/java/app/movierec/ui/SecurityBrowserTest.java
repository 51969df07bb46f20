package app.movierec.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.ProgressTracker;
import app.movierec.recommend.ModelReady;
import app.movierec.recommend.RecommendationService;
import app.movierec.security.SecurityHeaders;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages under the Content-Security-Policy in the system Chromium (Playwright, headless) on the
 * tiny fixture: the recommendations page renders and updates through server push with no CSP
 * violation, and {@code /admin} leads through Vaadin's login form (with Spring's CSRF token) to the
 * admin page, whose retrain result arrives by push.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityBrowserTest {

  private static final double TIMEOUT_MILLIS = 60_000;

  /** Records every CSP violation the page reports, from before its first script runs. */
  private static final String REPORT_VIOLATIONS =
      "window.__cspViolations = [];"
          + "document.addEventListener('securitypolicyviolation', e =>"
          + " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort int port;
  @Autowired RecommendationService recommendations;
  @Autowired ProgressTracker progress;

  private BrowserContext context;
  private final List<String> consoleViolations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void launchChromium() {
    SystemChromium.requireInstalled();
    playwright = SystemChromium.playwright();
    browser = SystemChromium.launch(playwright);
  }

  @AfterAll
  static void closeChromium() {
    SystemChromium.close(browser, playwright);
  }

  @BeforeEach
  void newBrowserContext() {
    ModelReady.await(recommendations, progress);
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
    context.addInitScript(REPORT_VIOLATIONS);
  }

  @AfterEach
  void closeBrowserContext() {
    context.close();
  }

  private Page open(String path) {
    Page page = context.newPage();
    page.setDefaultTimeout(TIMEOUT_MILLIS);
    page.onConsoleMessage(
        message -> {
          if (message.text().contains("Content Security Policy")) {
            consoleViolations.add(message.text());
          }
        });
    Response response = page.navigate("http://localhost:" + port + path);
    assertThat(response.headers().get("content-security-policy"))
        .isEqualTo(SecurityHeaders.PAGE_POLICY);
    return page;
  }

  private void assertNoViolations(Page page) {
    assertThat(page.evaluate("() => window.__cspViolations")).asList().isEmpty();
    assertThat(consoleViolations).isEmpty();
  }

  @Test
  void the_recommendations_page_works_under_the_content_security_policy() {
    Page page = open("/?user=1&mode=hybrid");

    page.locator("#recommendations .mr-card").first().waitFor();
    assertThat(page.locator("#recommendations .mr-card").count()).isPositive();
    // a round trip through Vaadin's own requests (its CSRF token included): another mode
    page.navigate("http://localhost:" + port + "/?user=2&mode=als");
    page.locator("#recommendations .mr-card").first().waitFor();
    page.waitForFunction("() => document.querySelector('#recommendations .mr-card')");

    assertNoViolations(page);
  }

  @Test
  void admin_leads_through_the_login_form_and_push_reports_the_retrain() {
    Page page = open("/admin");

    SystemChromium.logInAsOperator(page, "http://localhost:" + port + "/admin");
    page.locator("#retrain").click();
    page.waitForFunction(
        "() => document.body.innerText.includes('Retrained: the new model is serving.')");
    assertNoViolations(page);
  }
}

package app.movierec.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.SharedDatasets;
import app.movierec.recommend.RecommendationService;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The main page end to end on the real ml-latest-small, in the system Chromium (Playwright,
 * headless): the grid appears by itself once the model is trained, dragging the slider re-ranks it
 * and updates the URL, posters link to TMDB. Screenshots at 1280x800 and at phone width go to
 * {@code target/screenshots/}. on the same data) and the time from "model ready" to "grid visible".
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    // no development-mode popup or toolbar over the screenshots
    properties = "vaadin.devmode.devTools.enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendationsViewBrowserTest {

  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final long USER = 42;
  private static final double TIMEOUT_MILLIS = 120_000;
  private static final double AFTER_READY_TIMEOUT_MILLIS = 20_000;

  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort int port;
  @Autowired RecommendationService recommender;

  @DynamicPropertySource
  static void realData(DynamicPropertyRegistry registry) {
    registry.add(
        "movierec.data-dir", () -> SharedDatasets.root().resolve("ml-latest-small").toString());
  }

  @BeforeAll
  static void launchChromium() throws Exception {
    SharedDatasets
        .mlLatestSmall(); // skips (or fails on CI) before the context loads when the data is
    // missing
    if (!Files.isExecutable(CHROMIUM)) {
      String message = "no Chromium at " + CHROMIUM;
      if (System.getenv("CI") != null) {
        throw new AssertionError(message + " (CI is set; .ci/run installs it)");
      }
      Assumptions.abort(message + "; skipping the browser tests");
    }
    Files.createDirectories(SCREENSHOTS);
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update")));
  }

  @AfterAll
  static void closeChromium() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  private String url(String query) {
    return "http://localhost:" + port + "/" + query;
  }

  private static List<String> cardTitles(Page page) {
    return page.locator("#recommendations .mr-card")
                .evaluateAll(
                    "cards => cards.map(c => [Number(getComputedStyle(c).order), c.getAttribute('aria-label')])"
                        + ".sort((a, b) => a[0] - b[0]).map(pair => pair[1])")
            instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of();
  }

  @Test
  @Order(1)
  void the_grid_appears_without_a_reload_and_the_slider_reblends_it() {
    // The page is opened while the model may still be training: it must show the grid by itself
    // when ready (pushed from the server).
    try (BrowserContext desktop =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
      Page page = desktop.newPage();
      page.setDefaultTimeout(TIMEOUT_MILLIS);
      page.navigate(url("?user=" + USER + "&mode=hybrid"));
      page.locator("#recommendations .mr-card").first().waitFor();

      Locator cards = page.locator("#recommendations .mr-card");
      assertThat(cards.count()).isGreaterThanOrEqualTo(20);
      assertThat(
              page.locator("#recommendations a.mr-card__poster-link").first().getAttribute("href"))
          .startsWith("https://www.themoviedb.org/movie/");
      List<String> hrefs =
          page.locator("#recommendations a.mr-card__poster-link").all().stream()
              .map(link -> link.getAttribute("href"))
              .toList();
      assertThat(hrefs)
          .isNotEmpty()
          .allMatch(href -> href.matches("https://www\\.themoviedb\\.org/movie/\\d+"));
      assertThat(
              page.locator("#recommendations a.mr-card__poster-link")
                  .first()
                  .getAttribute("target"))
          .isEqualTo("_blank");
      // Without a TMDB key the posters are generated ones, served by URL; the first row's have
      // loaded.
      assertThat(page.locator("#recommendations img.mr-card__poster").first().getAttribute("src"))
          .matches("posters/generated/\\d+\\.svg");
      page.waitForFunction(
          "() => { const img = document.querySelector('#recommendations img.mr-card__poster');"
              + " return img.complete && img.naturalWidth > 0; }");
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("main-view.png")));
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SCREENSHOTS.resolve("main-view-full.png"))
              .setFullPage(true));

      List<String> before = cardTitles(page);
      dragSliderTo(page, 0.1);
      page.waitForFunction(
          "before => JSON.stringify([...document.querySelectorAll('#recommendations .mr-card')]"
              + ".map(c => [Number(getComputedStyle(c).order), c.getAttribute('aria-label')])"
              + ".sort((a, b) => a[0] - b[0]).map(pair => pair[1])) !== JSON.stringify(before)",
          before);
      assertThat(cardTitles(page)).isNotEqualTo(before);
      page.setDefaultTimeout(AFTER_READY_TIMEOUT_MILLIS);
      List<String> settled = settle(page);
      String alpha = page.url().replaceAll(".*alsWeight=([0-9.]+).*", "$1");
      assertThat(page.url()).contains("user=" + USER, "mode=hybrid");
      assertThat(Double.parseDouble(alpha)).isLessThan(0.5);
      assertThat(page.locator("#als-weight").textContent()).isEqualTo("α ALS " + alpha);
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("main-view-after-drag.png")));

      // The bookmarked URL opens exactly that state.
      Page bookmarked = desktop.newPage();
      bookmarked.setDefaultTimeout(AFTER_READY_TIMEOUT_MILLIS);
      bookmarked.navigate(page.url());
      bookmarked.locator("#recommendations .mr-card").first().waitFor();
      bookmarked.waitForFunction(
          "expected => JSON.stringify([...document.querySelectorAll('#recommendations .mr-card')]"
              + ".map(c => c.getAttribute('aria-label'))) === JSON.stringify(expected)",
          settled);
      // Released, the page's DOM is in rank order too (keyboard and screen readers follow what is
      // seen).
      page.waitForFunction(
          "expected => JSON.stringify([...document.querySelectorAll('#recommendations .mr-card')]"
              + ".map(c => c.getAttribute('aria-label'))) === JSON.stringify(expected)",
          settled);

      // Details dialog.
      page.locator("#recommendations .mr-card__title").first().click();
      page.locator(".mr-details").getByText("Similar by content").waitFor();
      page.locator(".mr-details .mr-details__similar--als .mr-card").first().waitFor();
      page.waitForFunction(
          "() => !document.querySelector('vaadin-dialog[opening]')"); // opening animation done
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("details-dialog.png")));
    }
  }

  @Test
  @Order(2)
  void works_at_phone_width() {
    try (BrowserContext phone =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true))) {
      Page page = phone.newPage();
      page.setDefaultTimeout(TIMEOUT_MILLIS);
      page.navigate(url("?user=" + USER + "&mode=hybrid&alsWeight=0.6"));
      page.locator("#recommendations .mr-card").first().waitFor();
      Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
      assertThat(((Number) scrollWidth).intValue())
          .as("no sideways scrolling")
          .isLessThanOrEqualTo(390);
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("main-view-phone.png")));
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SCREENSHOTS.resolve("main-view-phone-full.png"))
              .setFullPage(true));
      Locator footer = page.locator("footer.mr-footer");
      assertThat(footer.textContent())
          .contains(
              "This product uses the TMDB API but is not endorsed or certified by TMDB.",
              "MovieLens");
      footer.screenshot(
          new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("footer-phone.png")));
    }
  }

  /**
   * Drags the slider's thumb with the mouse from the middle (α = 0.5) to {@code alsWeight}; the
   * slider's native range input (slotted in its light DOM) spans the track.
   */
  private static void dragSliderTo(Page page, double alsWeight) {
    Locator input = page.locator("#blend-slider input[type=range]");
    input.scrollIntoViewIfNeeded();
    BoundingBox track = input.boundingBox();
    double y = track.y + track.height / 2;
    page.mouse().move(track.x + track.width * 0.5, y);
    page.mouse().down();
    page.mouse().move(track.x + track.width * alsWeight, y, new Mouse.MoveOptions().setSteps(8));
    page.mouse().up();
  }

  /**
   * Waits until the page stops changing after a drag (every step of the drag is a round trip): the
   * same URL and the same grid on two reads 300 ms apart. Returns the grid's titles.
   */
  private static List<String> settle(Page page) {
    String url = page.url();
    List<String> titles = cardTitles(page);
    for (int attempt = 0; attempt < 50; attempt++) {
      page.waitForTimeout(300);
      String nowUrl = page.url();
      List<String> nowTitles = cardTitles(page);
      if (nowUrl.equals(url) && nowTitles.equals(titles)) {
        return titles;
      }
      url = nowUrl;
      titles = nowTitles;
    }
    throw new AssertionError("the page kept changing after the drag");
  }
}

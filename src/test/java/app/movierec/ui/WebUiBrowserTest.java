package app.movierec.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.movierec.SharedDatasets;
import app.movierec.recommend.RecommendationService;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
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
 * The web UI end to end on the real ml-latest-small, in the system Chromium (Playwright, headless),
 * checking what a person would check at 1280x800 and on a 390x844 phone: nothing scrolls sideways,
 * cards do not overlap, a chosen star is visible, stars and buttons are big enough for a finger,
 * Back returns to the previous user, a similar movie opens its page, the taste chart is drawn, and
 * unknown pages answer 404. Screenshots of every page at both widths go to {@code
 * target/screenshots/}.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    // no development-mode popup or toolbar over the screenshots
    properties = "vaadin.devmode.devTools.enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserTest {

  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final long USER = 42;
  private static final long OTHER_USER = 7;
  private static final double TIMEOUT_MILLIS = 120_000;
  private static final double AFTER_READY_TIMEOUT_MILLIS = 20_000;

  /** WCAG's large-text contrast minimum: what a chosen star must reach against its card. */
  private static final double MIN_CONTRAST = 3.0;

  private static final double MIN_TOUCH_TARGET = 44;

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
    // skips (or fails on CI) before the context loads when the data is missing
    SharedDatasets.mlLatestSmall();
    SystemChromium.requireInstalled();
    Files.createDirectories(SCREENSHOTS);
    playwright = SystemChromium.playwright();
    browser = SystemChromium.launch(playwright);
  }

  @AfterAll
  static void closeChromium() {
    SystemChromium.close(browser, playwright);
  }

  private String url(String path) {
    return "http://localhost:" + port + "/" + path;
  }

  private static BrowserContext desktop() {
    return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
  }

  private static BrowserContext phone() {
    return browser.newContext(
        new Browser.NewContextOptions()
            .setViewportSize(390, 844)
            .setIsMobile(true)
            .setHasTouch(true));
  }

  @Test
  @Order(1)
  void the_grid_appears_without_a_reload_and_the_slider_reblends_it() {
    // The page is opened while the model may still be training: it must show the grid by itself
    // when ready (pushed from the server).
    try (BrowserContext desktop = desktop()) {
      Page page = desktop.newPage();
      page.setDefaultTimeout(TIMEOUT_MILLIS);
      page.navigate(url("?user=" + USER + "&mode=hybrid"));
      page.locator("#recommendations .mr-card").first().waitFor();

      Locator cards = page.locator("#recommendations .mr-card");
      assertThat(cards.count()).isGreaterThanOrEqualTo(20);
      List<String> hrefs =
          page.locator("#recommendations a.mr-card__link--tmdb").all().stream()
              .map(link -> link.getAttribute("href"))
              .toList();
      assertThat(hrefs)
          .isNotEmpty()
          .allMatch(href -> href.matches("https://www\\.themoviedb\\.org/movie/\\d+"));
      assertThat(
              page.locator("#recommendations a.mr-card__link--tmdb").first().getAttribute("target"))
          .isEqualTo("_blank");
      assertThat(page.locator("#recommendations .mr-card__badge").first().textContent())
          .endsWith("% match");
      // Without a TMDB key the posters are generated ones, served by URL; the first row's have
      // loaded.
      assertThat(page.locator("#recommendations img.mr-card__poster").first().getAttribute("src"))
          .matches("posters/generated/\\d+\\.svg");
      page.waitForFunction(
          "() => { const img = document.querySelector('#recommendations img.mr-card__poster');"
              + " return img.complete && img.naturalWidth > 0; }");
      assertNoSidewaysScrolling(page, 1280);
      assertNoOverlap(page, "#recommendations .mr-card");

      // The taste profile, drawn by ECharts as SVG: one bar and one label per genre.
      page.locator("#taste-chart .mr-chart__canvas[data-rendered=true] svg").waitFor();
      assertThat(page.locator("#taste-chart svg text").allTextContents())
          .as("the chart's axis labels")
          .contains("Drama", "Comedy");
      assertThat(page.locator("#taste-chart svg path").count()).isGreaterThanOrEqualTo(8);
      screenshot(page, "main-1280");

      List<String> before = cardTitles(page);
      dragSliderTo(page, 0.1);
      page.waitForFunction(
          "before => JSON.stringify([...document.querySelectorAll('#recommendations .mr-card')]"
              + ".map(c => [Number(getComputedStyle(c).order), c.getAttribute('aria-label')])"
              + ".sort((a, b) => a[0] - b[0]).map(pair => pair[1])) !== JSON.stringify(before)",
          before);
      assertThat(cardTitles(page)).isNotEqualTo(before);
      page.setDefaultTimeout(AFTER_READY_TIMEOUT_MILLIS);
      // every step of the drag is a round trip: wait for the last ones before the page settles
      page.waitForURL(url -> url.matches(".*alsWeight=0\\.[0-4]\\d*.*"));
      List<String> settled = settle(page);
      // The label and the address come in the same round trip; read the address in the page
      // (Playwright's page.url() follows replaceState a little later) and wait for the two to meet:
      // a lost update would time out here.
      page.waitForFunction(
          "() => { const w = new URLSearchParams(location.search).get('alsWeight');"
              + " return w !== null"
              + " && document.querySelector('#als-weight')?.textContent"
              + " === 'Similar users · α ' + w; }");
      String alsWeight =
          (String) page.evaluate("() => new URLSearchParams(location.search).get('alsWeight')");
      String address = (String) page.evaluate("() => location.href");
      assertThat(address).contains("user=" + USER, "mode=hybrid");
      assertThat(Double.parseDouble(alsWeight)).isLessThan(0.5);

      // The bookmarked URL opens exactly that state.
      Page bookmarked = desktop.newPage();
      bookmarked.setDefaultTimeout(AFTER_READY_TIMEOUT_MILLIS);
      bookmarked.navigate(address);
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

      page.locator("#how-it-works").click();
      page.locator("#recommendations .mr-score").first().waitFor();
      screenshot(page, "main-how-it-works-1280");
    }
  }

  @Test
  @Order(2)
  void back_returns_to_the_previous_user_and_a_similar_movie_opens_its_page() {
    try (BrowserContext desktop = desktop()) {
      Page page = desktop.newPage();
      page.setDefaultTimeout(TIMEOUT_MILLIS);
      page.navigate(url("?user=" + USER + "&mode=sideways"));
      page.locator("#recommendations .mr-card").first().waitFor();
      page.setDefaultTimeout(AFTER_READY_TIMEOUT_MILLIS);
      assertThat(page.locator("#url-notes").textContent()).contains("Ignored mode=sideways");
      page.waitForURL(url -> !url.contains("sideways"));

      Locator userField = page.locator("#user-id input");
      userField.fill(String.valueOf(OTHER_USER));
      userField.press("Enter");
      page.waitForURL(url -> url.contains("user=" + OTHER_USER));
      page.locator("#user-summary").waitFor();
      assertThat(page.locator("#current-user").textContent()).isEqualTo("User " + OTHER_USER);

      page.goBack();
      page.waitForURL(url -> url.contains("user=" + USER));
      page.waitForFunction(
          "user => document.querySelector('#user-profile h2')?.textContent === 'User ' + user",
          String.valueOf(USER));
      assertThat(page.locator("#user-id input").inputValue()).isEqualTo(String.valueOf(USER));

      // A tab change is a history entry too: Back returns to the hybrid tab of the same user.
      // Re-ranking for a tab is a server round trip each way; on a loaded machine it can take
      // longer than a click's usual wait.
      page.setDefaultTimeout(TIMEOUT_MILLIS);
      page.locator("#tab-als").click();
      page.waitForURL(url -> url.contains("mode=als") && url.contains("user=" + USER));
      page.waitForFunction("() => document.querySelector('#tab-als')?.hasAttribute('selected')");
      page.goBack();
      page.waitForURL(url -> !url.contains("mode=als") && url.contains("user=" + USER));
      page.waitForFunction(
          "() => document.querySelector('#tab-hybrid')?.hasAttribute('selected')"
              + " && !document.querySelector('#tab-als').hasAttribute('selected')");
      page.setDefaultTimeout(AFTER_READY_TIMEOUT_MILLIS);

      // A card opens the movie's page; a similar movie there opens its own page; Back returns.
      Locator firstTitle = page.locator("#recommendations .mr-card__title-link").first();
      String firstMovie = firstTitle.textContent();
      firstTitle.click();
      page.waitForURL(url -> url.matches(".*/movie/\\d+$"));
      assertThat(page.locator("#movie-title").textContent()).isEqualTo(firstMovie);
      String firstUrl = page.url();
      page.locator("#similar-users .mr-card").first().waitFor();
      screenshot(page, "movie-1280");
      assertNoSidewaysScrolling(page, 1280);

      Locator similar = page.locator("#similar-users .mr-card__title-link").first();
      String similarTitle = similar.textContent();
      similar.click();
      page.waitForURL(url -> !url.equals(firstUrl) && url.matches(".*/movie/\\d+$"));
      page.waitForFunction(
          "title => document.querySelector('#movie-title')?.textContent === title", similarTitle);

      page.goBack();
      page.waitForURL(firstUrl);
      page.waitForFunction(
          "title => document.querySelector('#movie-title')?.textContent === title", firstMovie);

      // The header's title search suggests as one types; choosing opens the movie's page.
      page.locator("#title-search input").fill("matrix 1999");
      page.locator("vaadin-combo-box-item")
          .filter(new Locator.FilterOptions().setHasText("The Matrix"))
          .first()
          .click();
      page.waitForURL(url -> url.endsWith("/movie/2571"));
      page.waitForFunction(
          "() => document.querySelector('#movie-title')?.textContent === 'The Matrix'");
    }
  }

  @Test
  @Order(3)
  void the_start_page_rates_with_visible_half_stars_at_both_widths_without_overlap() {
    for (int width : new int[] {1280, 390}) {
      try (BrowserContext context = width == 1280 ? desktop() : phone()) {
        Page page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MILLIS);
        page.navigate(url("start"));
        page.locator("#rate-grid .mr-card").nth(11).waitFor();
        page.setDefaultTimeout(AFTER_READY_TIMEOUT_MILLIS);

        assertNoSidewaysScrolling(page, width);
        assertNoOverlap(page, "#rate-grid .mr-card");
        Locator first = page.locator("#rate-grid .mr-card").first();
        assertTouchTargets(first.locator(".mr-star, .mr-rating__like"));
        assertInside(page, "#rate-grid .mr-card", ".mr-rating");

        first.locator(".mr-star").nth(3).click(); // 4 stars
        Locator chosen = first.locator(".mr-rating__chosen");
        page.waitForFunction("el => el.textContent === 'You: 4 ★'", chosen.elementHandle());
        assertThat(contrastOfStarWithItsCard(first.locator(".mr-star--full").last()))
            .as("a chosen star stands out from its card")
            .isGreaterThanOrEqualTo(MIN_CONTRAST);

        first.locator(".mr-star").nth(3).click(); // the same star again: 3½
        page.waitForFunction("el => el.textContent === 'You: 3½ ★'", chosen.elementHandle());
        assertThat(first.locator(".mr-star").nth(3).getAttribute("class"))
            .contains("mr-star--half");
        assertTouchTargets(first.locator(".mr-rating__undo"));

        page.locator("#rated .mr-card img.mr-card__poster").first().waitFor();
        assertThat(page.locator("#recommendations .mr-card").count()).isPositive();
        page.waitForFunction(
            "() => [...document.querySelectorAll('#rate-grid img.mr-card__poster')].slice(0, 4)"
                + ".every(img => img.complete && img.naturalWidth > 0)");
        screenshot(page, "start-" + width);

        first.locator(".mr-rating__undo").click();
        page.waitForFunction("el => el.textContent === 'You: 4 ★'", chosen.elementHandle());
      }
    }
  }

  @Test
  @Order(4)
  void every_page_fits_a_phone_and_a_desktop_and_unknown_pages_answer_404() throws Exception {
    assertThat(status("nonexistent")).isEqualTo(404);
    assertThat(status("movie/99999999")).isEqualTo(404);
    assertThat(status("movie/2571")).isEqualTo(200);
    assertThat(status("favicon.ico")).isEqualTo(200);

    for (int width : new int[] {1280, 390}) {
      try (BrowserContext context = width == 1280 ? desktop() : phone()) {
        Page page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MILLIS);
        // the admin pages need the operator (security): log in through the login form first
        SystemChromium.logInAsOperator(page, url("admin"));
        for (var shot :
            Map.of(
                    "main", "?user=" + USER + "&mode=hybrid&alsWeight=0.6",
                    "movie", "movie/2571",
                    "status", "status",
                    "admin", "admin",
                    "quality", "admin/quality",
                    "not-found", "no/such/page")
                .entrySet()) {
          page.navigate(url(shot.getValue()));
          page.locator(".mr-appbar").waitFor();
          page.locator(".mr-page > *").first().waitFor();
          if (shot.getKey().equals("main")) {
            page.locator("#recommendations .mr-card").first().waitFor();
            assertNoOverlap(page, "#recommendations .mr-card");
          }
          if (shot.getKey().equals("quality")) {
            assertThat(page.locator("#quality-summary").textContent()).isNotBlank();
            page.locator("#quality-view .mr-chart svg").first().waitFor();
            page.locator("#quality-table vaadin-grid-cell-content").first().waitFor();
            assertGridFits(page, "#quality-table", width);
          }
          if (shot.getKey().equals("movie")) {
            assertThat(page.locator("#movie-title").textContent()).isEqualTo("The Matrix");
            assertThat(page.locator("#movie-imdb").getAttribute("href"))
                .isEqualTo("https://www.imdb.com/title/tt0133093/");
          }
          assertNoSidewaysScrolling(page, width);
          assertThat(page.locator("footer.mr-footer").textContent())
              .contains(
                  "This product uses the TMDB API but is not endorsed or certified by TMDB.",
                  "MovieLens");
          if (!(shot.getKey().equals("main") && width == 1280)) {
            screenshot(page, shot.getKey() + "-" + width);
          }
        }
      }
    }
  }

  @Test
  @Order(5)
  void the_grid_is_in_the_page_itself_until_the_client_has_built_the_real_one() {
    awaitRecommender(); // a page without JavaScript shows what is there when it is opened
    List<String> copied;
    try (BrowserContext noScript =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(1280, 800)
                .setJavaScriptEnabled(false))) {
      Page page = noScript.newPage();
      page.setDefaultTimeout(TIMEOUT_MILLIS);
      page.navigate(url("?user=" + USER));
      Locator cards = page.locator("#mr-first-paint [data-id=recommendations] .mr-card");
      assertThat(cards.first().isVisible()).isTrue();
      copied = cards.all().stream().map(card -> card.getAttribute("data-movie-id")).toList();
      assertThat(copied).hasSizeGreaterThanOrEqualTo(20);
      assertThat(page.locator("#mr-first-paint [id]").count()).isZero();
      assertThat(page.locator("#mr-first-paint :is(.mr-rating, vaadin-button, input)").count())
          .isZero();
      // without the client, a poster still opens its movie's page
      assertThat(cards.first().locator(".mr-card__poster-link").getAttribute("href"))
          .isEqualTo("movie/" + copied.getFirst());
      screenshot(page, "main-first-paint-1280");
    }
    try (BrowserContext desktop = desktop()) {
      Page page = desktop.newPage();
      page.setDefaultTimeout(TIMEOUT_MILLIS);
      page.navigate(url("?user=" + USER));
      page.locator("#recommendations .mr-card").first().waitFor();
      assertThat(page.locator("#" + FirstPaint.ID).count()).isZero();
      List<String> built =
          page.locator("#recommendations .mr-card").all().stream()
              .map(card -> card.getAttribute("data-movie-id"))
              .toList();
      assertThat(built).isEqualTo(copied);
    }
  }

  @Test
  @Order(6)
  void the_grid_does_not_move_when_the_client_takes_over_from_the_copy() {
    awaitRecommender();
    for (int width : new int[] {1280, 390}) {
      double copied;
      try (BrowserContext noScript =
          browser.newContext(
              new Browser.NewContextOptions()
                  .setViewportSize(width, width == 1280 ? 800 : 844)
                  .setIsMobile(width != 1280)
                  .setHasTouch(width != 1280)
                  .setJavaScriptEnabled(false))) {
        Page page = noScript.newPage();
        page.setDefaultTimeout(TIMEOUT_MILLIS);
        page.navigate(url("?user=" + USER));
        copied =
            page.locator("#mr-first-paint [data-id=recommendations] .mr-card")
                .first()
                .boundingBox()
                .y;
      }
      try (BrowserContext context = width == 1280 ? desktop() : phone()) {
        Page page = context.newPage();
        page.setDefaultTimeout(TIMEOUT_MILLIS);
        page.navigate(url("?user=" + USER));
        Locator first = page.locator("#recommendations .mr-card").first();
        first.waitFor();
        assertThat(first.boundingBox().y)
            .as("the first card's top at %d px wide, copy %.0f", width, copied)
            .isCloseTo(copied, within(4.0));
      }
    }
  }

  private void awaitRecommender() {
    Awaitility.await().atMost(Duration.ofMillis((long) TIMEOUT_MILLIS)).until(recommender::ready);
  }

  private int status(String path) throws Exception {
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.discarding());
    return response.statusCode();
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  private static void assertNoSidewaysScrolling(Page page, int width) {
    Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
    assertThat(((Number) scrollWidth).intValue())
        .as("no sideways scrolling at %d px on %s", width, page.url())
        .isLessThanOrEqualTo(width);
  }

  /** No two of the elements' boxes overlap (a pixel of rounding allowed). */
  private static void assertNoOverlap(Page page, String selector) {
    Object overlap =
        page.evaluate(
            "sel => { const boxes = [...document.querySelectorAll(sel)]"
                + ".map(e => e.getBoundingClientRect()).filter(r => r.width > 0);"
                + " for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {"
                + "   const a = boxes[i], b = boxes[j];"
                + "   if (a.left < b.right - 1 && b.left < a.right - 1"
                + "       && a.top < b.bottom - 1 && b.top < a.bottom - 1) return i + ' and ' + j; }"
                + " return boxes.length === 0 ? 'no boxes' : ''; }",
            selector);
    assertThat(overlap).as("overlapping %s", selector).isEqualTo("");
  }

  /** No cell of the grid cuts its text off (ellipsis), and the grid does not scroll sideways. */
  private static void assertGridFits(Page page, String grid, int width) {
    Object cutOff =
        page.evaluate(
            "sel => { const g = document.querySelector(sel);"
                + " const cut = [...g.querySelectorAll('vaadin-grid-cell-content')]"
                + "   .filter(c => c.offsetWidth > 0 && c.scrollWidth > c.clientWidth + 1)"
                + "   .map(c => c.textContent);"
                + " const table = g.shadowRoot.querySelector('#table');"
                + " if (table.scrollWidth > table.clientWidth + 1) cut.push('(scrolls sideways)');"
                + " return cut.join(', '); }",
            grid);
    assertThat(cutOff).as("cells of %s cut off at %d px", grid, width).isEqualTo("");
  }

  /** Every {@code inner} lies within its {@code outer} (the rating inside its card). */
  private static void assertInside(Page page, String outer, String inner) {
    Object outside =
        page.evaluate(
            "([outer, inner]) => [...document.querySelectorAll(outer)].filter(o => {"
                + " const a = o.getBoundingClientRect(); const i = o.querySelector(inner);"
                + " if (!i) return true; const b = i.getBoundingClientRect();"
                + " return b.left < a.left - 1 || b.right > a.right + 1"
                + "   || b.top < a.top - 1 || b.bottom > a.bottom + 1; }).length",
            List.of(outer, inner));
    assertThat(((Number) outside).intValue()).as("%s outside their %s", inner, outer).isZero();
  }

  private static void assertTouchTargets(Locator targets) {
    assertThat(targets.count()).isPositive();
    for (Locator target : targets.all()) {
      BoundingBox box = target.boundingBox();
      assertThat(Math.min(box.width, box.height))
          .as("touch target %s", target.textContent())
          .isGreaterThanOrEqualTo(MIN_TOUCH_TARGET - 0.5);
    }
  }

  /** WCAG contrast ratio of a star's colour against its card's background. */
  private static double contrastOfStarWithItsCard(Locator star) {
    Object ratio =
        star.evaluate(
            "star => {"
                + " const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);"
                + " const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)"
                + "   .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))"
                + "   .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);"
                + " const card = star.closest('.mr-card');"
                + " const a = lum(rgb(getComputedStyle(star).color));"
                + " const b = lum(rgb(getComputedStyle(card).backgroundColor));"
                + " return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }");
    return ((Number) ratio).doubleValue();
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

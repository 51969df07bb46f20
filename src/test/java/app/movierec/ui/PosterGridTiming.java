package app.movierec.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A benchmark, not a test: how long a browser takes from opening {@code /?user=ID} on a running app
 * to the poster grid being visible (the first card shown, then the first row's posters loaded), for
 * random users, each in a fresh browser context (no cache, no cookie). It prints figures and
 * asserts nothing. In the test sources because it drives the system Chromium through Playwright,
 * which the app's jar does not carry. Run it against a started app:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=app.movierec.ui.PosterGridTiming \
 *   -Dexec.args="http://localhost:8080 1-162541 30"
 * </pre>
 *
 * Arguments: the app's address, the user ids to draw from ({@code FIRST-LAST}), how many pages to
 * open (after three warm-up pages). With {@code -Dtiming.debug=true} it also prints each page's
 * navigation and resource timings (JSON), to see where the time goes.
 */
public final class PosterGridTiming {

  private static final int WARMUP = 3;
  private static final int FIRST_ROW = 4;

  private PosterGridTiming() {}

  public static void main(String[] args) {
    String base = args.length > 0 ? args[0].replaceAll("/+$", "") : "http://localhost:8080";
    String[] range = (args.length > 1 ? args[1] : "1-600").split("-");
    int first = Integer.parseInt(range[0]);
    int last = Integer.parseInt(range[1]);
    int pages = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    SplittableRandom random = new SplittableRandom(42);
    List<Double> cardsShown = new ArrayList<>();
    List<Double> postersLoaded = new ArrayList<>();
    try (Playwright playwright = SystemChromium.playwright();
        Browser browser = SystemChromium.launch(playwright)) {
      for (int i = 0; i < WARMUP + pages; i++) {
        int user = random.nextInt(first, last + 1);
        double[] times = open(browser, base + "/?user=" + user);
        if (i >= WARMUP) {
          cardsShown.add(times[0]);
          postersLoaded.add(times[1]);
          System.out.printf(
              Locale.ROOT,
              "user %7d: cards %6.0f ms, first row of posters %6.0f ms%n",
              user,
              times[0],
              times[1]);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d pages of %s: first card visible p50 %.0f / p90 %.0f / max %.0f ms; first row of"
            + " posters loaded p50 %.0f / p90 %.0f / max %.0f ms%n",
        pages,
        base,
        percentile(cardsShown, 50),
        percentile(cardsShown, 90),
        percentile(cardsShown, 100),
        percentile(postersLoaded, 50),
        percentile(postersLoaded, 90),
        percentile(postersLoaded, 100));
  }

  /** Milliseconds from navigation to the first card visible, and to the first row's posters. */
  private static double[] open(Browser browser, String url) {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      Page page = context.newPage();
      page.setDefaultTimeout(60_000);
      long start = System.nanoTime();
      page.navigate(url);
      page.locator("#recommendations .mr-card")
          .first()
          .waitFor(
              new com.microsoft.playwright.Locator.WaitForOptions()
                  .setState(WaitForSelectorState.VISIBLE));
      long cards = System.nanoTime();
      page.waitForFunction(
          "n => { const imgs = [...document.querySelectorAll('#recommendations"
              + " img.mr-card__poster')].slice(0, n);"
              + " return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0); }",
          FIRST_ROW);
      long posters = System.nanoTime();
      if (Boolean.getBoolean("timing.debug")) {
        System.out.println(
            page.evaluate(
                "() => { const n = performance.getEntriesByType('navigation')[0];"
                    + " const r = performance.getEntriesByType('resource');"
                    + " return JSON.stringify({ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd,"
                    + " load: n.loadEventEnd, resources: r.map(e => [e.name.slice(-60),"
                    + " Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize])}); }"));
      }
      return new double[] {(cards - start) / 1e6, (posters - start) / 1e6};
    }
  }

  private static double percentile(List<Double> values, int percent) {
    List<Double> sorted = values.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}

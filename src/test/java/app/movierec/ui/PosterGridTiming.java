package app.movierec.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A benchmark, not a test: how long a browser takes from opening {@code /?user=ID} on a running app
 * to the poster grid being visible (the first card shown, then the first row's posters loaded), for
 * random users, each in a fresh browser context (no cache, no cookie): first in the page's
 * server-rendered copy ({@link FirstPaint}), then in the grid Vaadin's client builds. It prints
 * figures and asserts nothing. In the test sources because it drives the system Chromium through
 * Playwright, which the app's jar does not carry. Run it against a started app:
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

  /**
   * Records, in the page, when each stage is first seen on a frame: the server-rendered copy's
   * first card visible ({@link FirstPaint}), the real grid's first card visible, its first row of
   * posters loaded; milliseconds from the start of navigation ({@code performance.now()}).
   */
  private static final String RECORDER =
      """
      window.__timing = {};
      const seen = () => {
        const t = window.__timing;
        const now = performance.now();
        const shown = sel => {
          const card = document.querySelector(sel + ' .mr-card');
          return card !== null && card.checkVisibility();
        };
        const loaded = sel => {
          const imgs = [...document.querySelectorAll(sel + ' img.mr-card__poster')].slice(0, %d);
          return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0);
        };
        const copy = '#mr-first-paint [data-id=recommendations]';
        if (!t.copy && shown(copy)) t.copy = now;
        if (t.copy && !t.copyPosters && loaded(copy)) t.copyPosters = now;
        if (!t.grid && shown('#recommendations')) t.grid = now;
        if (t.grid && !t.posters && loaded('#recommendations')) t.posters = now;
        if (!t.posters) requestAnimationFrame(seen);
      };
      requestAnimationFrame(seen);
      """
          .formatted(FIRST_ROW);

  private PosterGridTiming() {}

  public static void main(String[] args) {
    String base = args.length > 0 ? args[0].replaceAll("/+$", "") : "http://localhost:8080";
    String[] range = (args.length > 1 ? args[1] : "1-600").split("-");
    int first = Integer.parseInt(range[0]);
    int last = Integer.parseInt(range[1]);
    int pages = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    SplittableRandom random = new SplittableRandom(42);
    List<double[]> measured = new ArrayList<>();
    try (Playwright playwright = SystemChromium.playwright();
        Browser browser = SystemChromium.launch(playwright)) {
      for (int i = 0; i < WARMUP + pages; i++) {
        int user = random.nextInt(first, last + 1);
        double[] times = open(browser, base + "/?user=" + user);
        if (i >= WARMUP) {
          measured.add(times);
          System.out.printf(
              Locale.ROOT,
              "user %7d: cards %5.0f ms, posters %5.0f ms; Vaadin's grid %5.0f ms, its posters"
                  + " %5.0f ms; harness %5.0f ms%n",
              user,
              times[0],
              times[1],
              times[2],
              times[3],
              times[4]);
        }
      }
    }
    String[] names = {
      "first card visible",
      "first row of posters loaded",
      "Vaadin's grid: first card visible",
      "Vaadin's grid: posters loaded",
      "harness wall time to Vaadin's posters"
    };
    System.out.printf(
        Locale.ROOT,
        "%d pages of %s, ms from the start of navigation (p50 / p90 / max):%n",
        pages,
        base);
    for (int k = 0; k < names.length; k++) {
      int column = k;
      List<Double> values = measured.stream().map(times -> times[column]).toList();
      System.out.printf(
          Locale.ROOT,
          "  %-40s %6.0f / %6.0f / %6.0f%n",
          names[k],
          percentile(values, 50),
          percentile(values, 90),
          percentile(values, 100));
    }
  }

  /**
   * Milliseconds from the start of navigation to: the first card visible and the first row of
   * posters loaded, in the server-rendered copy or the real grid, whichever came first; the same
   * two in the real grid (built by Vaadin's client, which the slider needs); and the harness's own
   * wall time to the real grid's posters (Playwright's round trips included).
   */
  private static double[] open(Browser browser, String url) {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      context.addInitScript(RECORDER);
      Page page = context.newPage();
      page.setDefaultTimeout(60_000);
      long start = System.nanoTime();
      page.navigate(url);
      page.waitForFunction("() => window.__timing && window.__timing.posters");
      long end = System.nanoTime();
      if (Boolean.getBoolean("timing.debug")) {
        System.out.println(
            page.evaluate(
                "() => { const n = performance.getEntriesByType('navigation')[0];"
                    + " const r = performance.getEntriesByType('resource');"
                    + " return JSON.stringify({ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd,"
                    + " load: n.loadEventEnd, resources: r.map(e => [e.name.slice(-60),"
                    + " Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize])}); }"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Number> timing = (Map<String, Number>) page.evaluate("() => window.__timing");
      double grid = timing.get("grid").doubleValue();
      double posters = timing.get("posters").doubleValue();
      double copy = timing.containsKey("copy") ? timing.get("copy").doubleValue() : grid;
      double copyPosters =
          timing.containsKey("copyPosters") ? timing.get("copyPosters").doubleValue() : posters;
      return new double[] {
        Math.min(copy, grid), Math.min(copyPosters, posters), grid, posters, (end - start) / 1e6
      };
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

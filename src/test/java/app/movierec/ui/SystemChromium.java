package app.movierec.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The system Chromium that the browser tests drive (Playwright never downloads one: no network for
 * that; {@code .ci/run} installs Chromium), and the operator's login through the app's form.
 */
final class SystemChromium {

  static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

  /** The operator's password in the tests (see src/test/resources/config). */
  static final String OPERATOR_PASSWORD = "test-operator-password";

  private SystemChromium() {}

  /** Skips the calling tests without Chromium, or fails them when CI says it must be there. */
  static void requireInstalled() {
    if (!Files.isExecutable(EXECUTABLE)) {
      String message = "no Chromium at " + EXECUTABLE;
      if (System.getenv("CI") != null) {
        throw new AssertionError(message + " (CI is set; .ci/run installs it)");
      }
      Assumptions.abort(message + "; skipping the browser tests");
    }
  }

  static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  /** Headless Chromium without a sandbox (the tests may run as root). */
  static Browser launch(Playwright playwright) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update")));
  }

  static void close(Browser browser, Playwright playwright) {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  /**
   * Opens {@code adminUrl}, which sends an anonymous browser to the login form, and logs in as the
   * operator; returns on the admin page.
   */
  static void logInAsOperator(Page page, String adminUrl) {
    page.navigate(adminUrl);
    page.waitForURL(url -> url.endsWith("/login"));
    page.locator("#vaadinLoginUsername input").fill("admin");
    page.locator("#vaadinLoginPassword input").fill(OPERATOR_PASSWORD);
    page.locator("#vaadinLoginPassword input").press("Enter");
    page.waitForURL(url -> url.contains("/admin"));
  }
}

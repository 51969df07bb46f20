package app.movierec.ui;

import app.movierec.recommend.ModelReady;
import app.movierec.recommend.RecommendationService;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import org.springframework.context.ApplicationContext;

/**
 * Browserless Vaadin on a Spring context: the app's routes and beans, no servlet container, no
 * browser.
 */
final class KaribuSpring {

  private static final Routes ROUTES = new Routes().autoDiscoverViews("app.movierec.ui");

  private KaribuSpring() {}

  /** Sets up a mocked Vaadin session and UI whose views are Spring beans of {@code context}. */
  static void setUp(ApplicationContext context) {
    MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
  }

  static void tearDown() {
    MockVaadin.tearDown();
  }

  /** Waits until the model trained in the background after the start-up import is serving. */
  static void awaitReady(RecommendationService recommender, Duration timeout) {
    ModelReady.await(recommender, null, timeout);
  }
}

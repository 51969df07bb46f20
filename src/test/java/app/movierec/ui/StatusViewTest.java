package app.movierec.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.RouterLinkKt._click;
import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.recommend.RecommendationService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The data status page at /status, reached from the main page's footer, on the tiny fixture. */
@SpringBootTest
class StatusViewTest {

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

  @Test
  void the_footer_links_to_the_status_page_with_the_datasets_row_counts() {
    UI.getCurrent().navigate("");

    _click(_get(RouterLink.class, spec -> spec.withId("status-link")));

    assertThat(_get(StatusView.class)).isNotNull();
    assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
        .isEqualTo("status");
    assertThat(_get(Paragraph.class, spec -> spec.withId("counts")).getText())
        .startsWith("10 movies, 10 links, 17 ratings by 4 users");
  }
}

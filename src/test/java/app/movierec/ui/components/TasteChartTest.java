package app.movierec.ui.components;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chart's option and its script (drawing it is the browser test's job). */
class TasteChartTest {

  @BeforeEach
  void setUp() {
    MockVaadin.setup();
  }

  @AfterEach
  void tearDown() {
    MockVaadin.tearDown();
  }

  @Test
  void the_echarts_script_it_loads_is_on_the_classpath_where_spring_serves_webjars() {
    assertThat(getClass().getResource("/META-INF/resources/" + TasteChart.SCRIPT))
        .as("the pom's echarts.version matches TasteChart.ECHARTS_VERSION")
        .isNotNull();
  }

  @Test
  void sends_the_bars_largest_on_top_and_describes_them_for_screen_readers() {
    var chart = new TasteChart();
    UI.getCurrent().add(chart);

    chart.show(
        "Genres you like", "Of 3 movies", List.of("Drama", "Comedy"), List.of(3, 1), " movies");

    assertThat(chart.option())
        .contains("\"data\":[\"Comedy\",\"Drama\"]", "\"data\":[1,3]", "{c} movies");
    assertThat(chart.getElement().toString())
        .contains("aria-label=\"Genres you like: Drama 3, Comedy 1\"");
  }
}

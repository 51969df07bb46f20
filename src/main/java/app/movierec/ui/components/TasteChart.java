package app.movierec.ui.components;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.ui.LoadMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A horizontal bar chart drawn in the browser by Apache ECharts, from the {@code
 * org.webjars.npm:echarts} webjar that Spring Boot serves under {@code /webjars/}: a plain script
 * added to the page, so no frontend build is involved. The server sends the chart's option as JSON
 * and a few lines of JavaScript draw it (as SVG) into this component's element.
 */
public class TasteChart extends Composite<Div> {

  /** The webjar's version; the pom's {@code echarts.version} must match (a test checks). */
  public static final String ECHARTS_VERSION = "5.3.1";

  public static final String SCRIPT = "webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int BAR_HEIGHT = 26;

  private final H3 title = new H3();
  private final Paragraph caption = new Paragraph();
  private final Div canvas = new Div();
  private String option;

  public TasteChart() {
    Div root = getContent();
    root.addClassName("mr-chart");
    title.addClassName("mr-chart__title");
    caption.addClassName("mr-chart__caption");
    canvas.addClassName("mr-chart__canvas");
    canvas.getElement().setAttribute("role", "img");
    root.add(title, caption, canvas);
  }

  /**
   * Shows bars {@code values} (largest first) labelled {@code labels}; {@code unit} follows each
   * value on its bar, e.g. " movies".
   */
  public void show(
      String heading, String explanation, List<String> labels, List<Integer> values, String unit) {
    title.setText(heading);
    caption.setText(explanation);
    canvas.getStyle().set("height", (labels.size() * BAR_HEIGHT + 16) + "px");
    var description = new StringBuilder(heading).append(": ");
    for (int i = 0; i < labels.size(); i++) {
      description
          .append(i == 0 ? "" : ", ")
          .append(labels.get(i))
          .append(' ')
          .append(values.get(i));
    }
    canvas.getElement().setAttribute("aria-label", description.toString());
    option = JSON.writeValueAsString(option(labels, values, unit));
    draw();
  }

  /** The ECharts option last sent (JSON), for tests. */
  String option() {
    return option;
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    // LAZY: the 1 MB script loads after the page has rendered. The default (eager) made the
    // browser fetch and run it before showing anything, which delayed the poster grid by about a
    // second; draw() waits for it.
    attach.getUI().getPage().addJavaScript("context://" + SCRIPT, LoadMode.LAZY);
    draw();
  }

  private void draw() {
    if (option == null || !isAttached()) {
      return;
    }
    // The script may still be loading when this runs: wait for it, then draw (or redraw) as SVG,
    // and follow the element's width when the window changes.
    canvas
        .getElement()
        .executeJs(
            """
            const el = this;
            const option = JSON.parse($0);
            const draw = (tries) => {
              if (!window.echarts) {
                if (tries > 0) setTimeout(() => draw(tries - 1), 100);
                return;
              }
              const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, {renderer: 'svg'});
              chart.setOption(option, true);
              if (!el.__mrResize) {
                el.__mrResize = new ResizeObserver(() => chart.resize());
                el.__mrResize.observe(el);
              }
              el.setAttribute('data-rendered', 'true');
            };
            // after the next frame is painted: the chart (some 300 ms of script on a slow
            // machine) must not hold back the first paint of the poster grid below it
            requestAnimationFrame(() => setTimeout(() => draw(100), 0));
            """,
            option);
  }

  private static Map<String, Object> option(
      List<String> labels, List<Integer> values, String unit) {
    // ECharts draws the first category at the bottom: reverse, so the largest is on top.
    List<String> categories = new ArrayList<>(labels).reversed();
    List<Integer> data = new ArrayList<>(values).reversed();
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("animation", false);
    option.put("backgroundColor", "transparent");
    option.put("grid", Map.of("left", 4, "right", 36, "top", 4, "bottom", 4, "containLabel", true));
    option.put("xAxis", Map.of("type", "value", "show", false));
    option.put(
        "yAxis",
        Map.of(
            "type",
            "category",
            "data",
            categories,
            "axisLine",
            Map.of("show", false),
            "axisTick",
            Map.of("show", false),
            "axisLabel",
            Map.of("color", "#d4d9e2", "fontSize", 12, "width", 140, "overflow", "truncate")));
    option.put(
        "series",
        List.of(
            Map.of(
                "type",
                "bar",
                "data",
                data,
                "barWidth",
                14,
                "itemStyle",
                Map.of("color", "#f2a93b", "borderRadius", List.of(0, 4, 4, 0)),
                "label",
                Map.of(
                    "show",
                    true,
                    "position",
                    "right",
                    "color",
                    "#eef1f6",
                    "fontSize",
                    12,
                    "formatter",
                    "{c}" + unit))));
    return option;
  }
}

package app.movierec.ui.admin;

import app.movierec.common.ProgressTracker;
import app.movierec.recommend.ModelLifecycle;
import app.movierec.recommend.hybrid.BlendSettings;
import app.movierec.ui.MainLayout;
import app.movierec.ui.ProgressUpdates;
import app.movierec.ui.components.TasteChart;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin/quality}: how good the serving model is and why it blends as it does: each
 * recommender's nDCG, recall and MAP on the validation users carved from the training data, the
 * blend's validation curve and the weight learned per user activity, as charts (Apache ECharts,
 * through the same script {@code evaluate --report} uses) and a table. Redrawn after a retrain.
 */
@Route(value = "admin/quality", layout = MainLayout.class)
@PageTitle("Quality · movierec")
@JavaScript("context://" + TasteChart.SCRIPT)
@JavaScript("context://scripts/quality-charts.js")
public class QualityView extends VerticalLayout {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ModelLifecycle models;
  private final Paragraph summary = new Paragraph();
  private final Grid<BlendSettings.ModelQuality> table = new Grid<>();
  private final Div modelsChart = chart("quality-models");
  private final Div curveChart = chart("quality-curve");
  private final Div activityChart = chart("quality-activity");

  public QualityView(ModelLifecycle models, ProgressTracker tracker) {
    this.models = models;
    addClassName("mr-section");
    setPadding(false);
    setId("quality-view");
    summary.setId("quality-summary");
    table.setId("quality-table");
    table.addColumn(BlendSettings.ModelQuality::model).setHeader("recommender");
    table.addColumn(q -> format(q.ndcg())).setHeader("nDCG@10");
    table.addColumn(q -> format(q.recall())).setHeader("recall@10");
    table.addColumn(q -> format(q.map())).setHeader("MAP@10");
    table.setAllRowsVisible(true);
    table.setWidth("min(640px, 100%)");
    var title = new H1("Model quality");
    title.addClassName("mr-page-title");
    summary.addClassName("mr-section__subtitle");
    add(title, summary, table, modelsChart, curveChart, activityChart);
    ProgressUpdates.follow(
        this,
        tracker,
        progress -> {
          if (progress.ready()) {
            show();
          }
        });
    show();
  }

  private void show() {
    if (models.current().isEmpty()) {
      summary.setText(
          "The recommender is still training; its quality shows here when it is ready.");
      table.setItems(List.of());
      return;
    }
    BlendSettings blend = models.current().get().blend();
    if (!blend.learned()) {
      summary.setText(
          String.format(
              Locale.ROOT,
              "This model blends with a fixed ALS weight of %.2f: it was not learned on validation"
                  + " data (movierec.hybrid.learn-weights=false, or too few users to validate on).",
              blend.alsWeight()));
      table.setItems(List.of());
      return;
    }
    StringBuilder buckets = new StringBuilder();
    for (BlendSettings.ActivityWeight bucket : blend.byActivity()) {
      buckets.append(String.format(Locale.ROOT, "%s %.2f; ", bucket.label(), bucket.alsWeight()));
    }
    summary.setText(
        String.format(
            Locale.ROOT,
            "Chosen on %d validation users carved from the training data. ALS weight for users the"
                + " model was trained on: %.2f. For users it folds in (visitors, new ratings), by"
                + " activity: %s",
            blend.validationUsers(),
            blend.alsWeight(),
            buckets.toString().strip()));
    table.setItems(blend.models());
    List<Map<String, Object>> results =
        blend.models().stream()
            .map(
                q ->
                    Map.<String, Object>of(
                        "name", q.model(), "ndcg", q.ndcg(), "recall", q.recall(), "map", q.map()))
            .toList();
    String data = JSON.writeValueAsString(Map.of("blend", blend, "results", results));
    modelsChart.getElement().executeJs("movierecQuality.models(this, JSON.parse($0))", data);
    curveChart.getElement().executeJs("movierecQuality.curve(this, JSON.parse($0))", data);
    activityChart.getElement().executeJs("movierecQuality.activity(this, JSON.parse($0))", data);
  }

  private static Div chart(String id) {
    Div chart = new Div();
    chart.setId(id);
    chart.addClassName("mr-chart");
    chart.setWidth("min(900px, 100%)");
    chart.setHeight("360px");
    return chart;
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}

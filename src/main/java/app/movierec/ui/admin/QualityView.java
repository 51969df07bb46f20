package app.movierec.ui.admin;

import app.movierec.common.ProgressTracker;
import app.movierec.recommend.ModelLifecycle;
import app.movierec.recommend.hybrid.BlendSettings;
import app.movierec.ui.MainLayout;
import app.movierec.ui.ProgressUpdates;
import app.movierec.ui.components.TasteChart;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
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
    // Short headers and fixed widths that fit a 390 px phone (about 330 px of table): the "@10"
    // goes into the caption instead of every header, where it pushed them past their columns.
    table
        .addColumn(BlendSettings.ModelQuality::model)
        .setHeader("recommender")
        .setWidth("7.5em")
        .setFlexGrow(2);
    metricColumn(BlendSettings.ModelQuality::ndcg, "nDCG", "normalised discounted gain at 10");
    metricColumn(
        BlendSettings.ModelQuality::recall, "recall", "share of held-out movies in the 10");
    metricColumn(BlendSettings.ModelQuality::map, "MAP", "mean average precision at 10");
    table.addThemeVariants(GridVariant.LUMO_COMPACT);
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

  private void metricColumn(
      ToDoubleFunction<BlendSettings.ModelQuality> metric, String header, String explanation) {
    var label = new Span(header);
    label.setTitle(explanation);
    table
        .addColumn(q -> format(metric.applyAsDouble(q)))
        .setHeader(label)
        .setWidth("4.5em")
        .setFlexGrow(1)
        .setTextAlign(ColumnTextAlign.END);
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
                  + " data (movierec.hybrid.learn-weights=false, too few users to validate on, or"
                  + " a first start on large data still learning it: see /status).",
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
                + " activity: %s The table scores each recommender's top 10 for those users against"
                + " the movies held out from them.",
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

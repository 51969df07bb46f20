package app.movierec.cli;

import app.movierec.recommend.eval.Evaluator;
import app.movierec.recommend.hybrid.BlendSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evaluate --report DIR}: a self-contained HTML report of one evaluation (open {@code
 * DIR/index.html} in a browser, no server needed) with the table and the charts the operator's
 * quality page draws (the same script, {@code quality-charts.js}, and Apache ECharts copied beside
 * it), plus the figures as {@code results.csv} and {@code quality.json}.
 */
final class QualityReport {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ECHARTS =
      "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  private static final String CHARTS = "META-INF/resources/scripts/quality-charts.js";

  private QualityReport() {}

  static void write(Path dir, String heading, List<Evaluator.Result> results, BlendSettings blend)
      throws IOException {
    Files.createDirectories(dir);
    copy(ECHARTS, dir.resolve("echarts.min.js"));
    copy(CHARTS, dir.resolve("quality-charts.js"));
    String data = JSON.writeValueAsString(Map.of("blend", blend, "results", results));
    Files.writeString(dir.resolve("quality.json"), data, StandardCharsets.UTF_8);
    StringBuilder csv = new StringBuilder("model,k,precision,recall,ndcg,map,coverage,users\n");
    StringBuilder rows = new StringBuilder();
    for (Evaluator.Result r : results) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%d%n",
              r.name().replace(",", " "),
              r.k(),
              r.precision(),
              r.recall(),
              r.ndcg(),
              r.map(),
              r.coverage(),
              r.users()));
      rows.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td>"
                  + "<td>%d</td></tr>%n",
              escape(r.name()),
              r.precision(),
              r.recall(),
              r.ndcg(),
              r.map(),
              r.coverage(),
              r.users()));
    }
    Files.writeString(dir.resolve("results.csv"), csv, StandardCharsets.UTF_8);
    int k = results.isEmpty() ? 10 : results.getFirst().k();
    String html =
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Recommender quality</title>
        <style>
          body { background: #14161a; color: #e8eaed; font: 15px system-ui, sans-serif; margin: 2rem; }
          table { border-collapse: collapse; margin: 1rem 0 2rem; }
          td, th { padding: .3rem .8rem; border-bottom: 1px solid #333; text-align: right; }
          td:first-child, th:first-child { text-align: left; }
          .chart { height: 360px; max-width: 900px; margin-bottom: 2rem; }
          p { max-width: 900px; color: #b8bcc4; }
        </style>
        <script src="echarts.min.js"></script><script src="quality-charts.js"></script>
        </head><body>
        <h1>Recommender quality</h1>
        <p>%s</p>
        <table><tr><th>model</th><th>precision@%d</th><th>recall@%d</th><th>nDCG@%d</th>
        <th>MAP@%d</th><th>coverage</th><th>users</th></tr>
        %s</table>
        <p>"hybrid" blends with the ALS weight learned, per user activity, on validation users
        carved from the training part (%d users); the charts below are that validation.</p>
        <div id="models" class="chart"></div>
        <div id="curve" class="chart"></div>
        <div id="activity" class="chart"></div>
        <script>
          const data = %s;
          movierecQuality.models(document.getElementById('models'), data);
          if (data.blend.curve.length) {
            movierecQuality.curve(document.getElementById('curve'), data);
            movierecQuality.activity(document.getElementById('activity'), data);
          }
        </script>
        </body></html>
        """
            .formatted(escape(heading), k, k, k, k, rows, blend.validationUsers(), data);
    Files.writeString(dir.resolve("index.html"), html, StandardCharsets.UTF_8);
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = QualityReport.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing from the build: " + resource);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

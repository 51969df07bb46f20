package app.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.recommend.eval.Evaluator;
import app.movierec.recommend.hybrid.BlendSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --report DIR} writes a report that opens without a server. */
class QualityReportTest {

  @TempDir Path dir;

  @Test
  void writes_the_table_the_figures_and_the_chart_scripts_beside_the_page() throws Exception {
    List<Evaluator.Result> results =
        List.of(
            new Evaluator.Result("ALS", 10, 0.3, 0.2, 0.4, 0.25, 0.1, 50),
            new Evaluator.Result("<hybrid>", 10, 0.31, 0.21, 0.41, 0.26, 0.12, 50));
    BlendSettings blend =
        new BlendSettings(
            0.9, List.of(), List.of(new BlendSettings.CurvePoint(0.9, 0.41)), 20, List.of());

    QualityReport.write(dir, "ml-test, seed 3", results, blend);

    String page = Files.readString(dir.resolve("index.html"));
    assertThat(page)
        .contains("ml-test, seed 3", "<td>ALS</td><td>0.3000</td>", "&lt;hybrid&gt;", "(20 users)")
        .doesNotContain("<td><hybrid>");
    assertThat(Files.readAllLines(dir.resolve("results.csv")))
        .containsExactly(
            "model,k,precision,recall,ndcg,map,coverage,users",
            "ALS,10,0.300000,0.200000,0.400000,0.250000,0.100000,50",
            "<hybrid>,10,0.310000,0.210000,0.410000,0.260000,0.120000,50");
    assertThat(Files.readString(dir.resolve("quality.json"))).contains("\"alsWeight\":0.9");
    assertThat(Files.size(dir.resolve("echarts.min.js"))).isGreaterThan(100_000);
    assertThat(Files.readString(dir.resolve("quality-charts.js"))).contains("movierecQuality");
  }
}

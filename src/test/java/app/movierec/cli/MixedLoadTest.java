package app.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.ProgressTracker;
import app.movierec.recommend.ModelLifecycle;
import app.movierec.recommend.ModelReady;
import app.movierec.recommend.RecommendationService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code loadtest --write-fraction --retrain-at} against the real app on the tiny fixture, with the
 * visitor tokens and the operator's login it requires: reads and writes from several clients, a
 * retrain in the middle, every rating read back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MixedLoadTest {

  @LocalServerPort int port;
  @Autowired RecommendationService recommendations;
  @Autowired ProgressTracker progress;
  @Autowired ModelLifecycle models;
  @TempDir Path folder;

  @Test
  void reads_and_writes_with_a_retrain_in_the_middle_lose_no_rating_and_make_no_error()
      throws Exception {
    ModelReady.await(recommendations, progress);
    Path password = Files.writeString(folder.resolve("operator"), "test-operator-password\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Commands.run(
            new String[] {
              "loadtest",
              "--url",
              "http://localhost:" + port,
              "--clients",
              "4",
              "--requests",
              "400",
              "--warmup",
              "20",
              "--users",
              "1-4",
              "--write-fraction",
              "0.3",
              "--retrain-at",
              "0.5",
              "--operator-password-file",
              password.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    var retrain = models.runningRetrain();
    if (retrain.isPresent()) {
      retrain.get().get(90, TimeUnit.SECONDS); // the next test finds the app idle
    }

    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(report)
        .contains("errors 0 (", "lost 0", "retrain: asked at", "HTTP 202", "writes   : p50")
        .containsPattern("ratings: [1-9][0-9]* writes answered 201 by 4 visitors");
  }

  @Test
  void a_retrain_without_the_operators_password_file_is_a_usage_error() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Commands.run(
            new String[] {"loadtest", "--retrain-at", "0.5"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--operator-password-file");
  }
}

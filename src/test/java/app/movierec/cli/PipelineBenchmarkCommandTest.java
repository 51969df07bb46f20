package app.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchmark pipeline} on a tiny synthetic set: the app really starts twice in a child JVM
 * (so this takes a while), every stage is printed, the second start reads the training-data
 * snapshot instead of the database, and the work folder is gone afterwards. It checks the
 * mechanism, never the times.
 */
class PipelineBenchmarkCommandTest {

  @TempDir Path parent;

  @Test
  void prints_every_stage_of_both_starts_and_deletes_its_folder() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Commands.run(
            new String[] {
              "benchmark",
              "pipeline",
              "--ratings",
              "3000",
              "--clients",
              "2",
              "--requests",
              "10",
              "--warmup",
              "0",
              "--xmx",
              "1g",
              "--work-dir",
              parent.toString(),
              "--app-arg=--movierec.als.iterations=2",
              "--app-arg=--movierec.als.factors=8"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(out.toString())
        .contains(
            "generate",
            "import",
            "read training data",
            "heap estimate",
            "ratings from the import (collected as it read the files)",
            "train ALS",
            "ALS per iteration",
            "build content model",
            "first recommendation",
            "serving recommendations",
            "serving search",
            "serving details",
            "serving fold-in",
            "serving recommendations, one at a time",
            "serving fold-in, one at a time",
            "serving recommendations, at half that rate",
            "serving search, at half that rate",
            "ratings from the saved snapshot",
            "second start: first recommendation")
        .doesNotContain("first:")
        .doesNotContainPattern("[1-9][0-9]* errors");
    try (var left = Files.list(parent)) {
      assertThat(left).as("the work folder is deleted").isEmpty();
    }
  }
}

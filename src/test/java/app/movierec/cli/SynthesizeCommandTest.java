package app.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.catalog.imports.MovieLensFolder;
import app.movierec.common.TrainingData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthesizeCommandTest {

  @TempDir Path folder;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void writes_a_folder_of_the_size_asked_for_that_the_other_commands_read() {
    Path data = folder.resolve("synthetic");

    int code =
        run(
            "synthesize",
            "--out",
            data.toString(),
            "--ratings",
            "6000",
            "--users",
            "100",
            "--movies",
            "300",
            "--genome-tags",
            "20",
            "--seed",
            "3");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("100 users, 300 movies, 6,000 ratings")
        .contains("genome 66 movies x 20 tags")
        .contains("wrote");
    TrainingData loaded = MovieLensFolder.load(data, null);
    assertThat(loaded.ratingCount()).isEqualTo(6_000);
    assertThat(loaded.movieIds()).hasSize(300);
    assertThat(loaded.genome().size()).isEqualTo(66);
  }

  @Test
  void does_not_overwrite_a_movielens_folder_unless_forced() {
    assertThat(run("synthesize", "--out", folder.toString(), "--ratings", "2000")).isZero();

    assertThat(run("synthesize", "--out", folder.toString(), "--ratings", "2000")).isEqualTo(1);
    assertThat(err.toString()).contains("exists").contains("--force");
    assertThat(run("synthesize", "--out", folder.toString(), "--ratings", "2000", "--force"))
        .isZero();
  }

  @Test
  void a_shape_it_cannot_draw_is_a_usage_error_that_says_why() {
    int code = run("synthesize", "--out", folder.toString(), "--ratings", "1000", "--users", "100");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("every user rates at least 20 movies").contains("usage: ");
  }

  private int run(String... args) {
    return Commands.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}

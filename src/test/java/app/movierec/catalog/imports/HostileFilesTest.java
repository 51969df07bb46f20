package app.movierec.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.common.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a hostile or unlucky user could give the import (issue 12): each is refused with its file,
 * line and the real reason, and in skip mode a bad row is skipped where skipping makes sense.
 */
class HostileFilesTest {

  @TempDir Path dir;

  private ImportSummary read(TinyDataset data, OnError onError) {
    return new MovieLensReader(data.files(), 0, onError, ProgressListener.NONE)
        .read(new RecordingSink());
  }

  private static String repeat(char c, int times) {
    return String.valueOf(c).repeat(times);
  }

  @Test
  void a_ratings_file_with_only_its_header_is_refused() {
    TinyDataset data = TinyDataset.copyTo(dir);
    data.write("ratings.csv", data.lines("ratings.csv").subList(0, 1));

    assertThatThrownBy(() -> read(data, OnError.SKIP))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("ratings.csv: holds no ratings");
  }

  @Test
  void a_movies_file_with_only_its_header_is_refused() {
    TinyDataset data = TinyDataset.copyTo(dir);
    data.write("movies.csv", data.lines("movies.csv").subList(0, 1));

    assertThatThrownBy(() -> read(data, OnError.FAIL))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("movies.csv: holds no movies");
  }

  @Test
  void values_longer_than_their_column_name_file_and_line_and_are_skippable() {
    TinyDataset data =
        TinyDataset.copyTo(dir)
            .append("movies.csv", "11,\"" + repeat('x', 600) + " (1999)\",Drama")
            .append("tags.csv", "1,2," + repeat('t', 1100) + ",1445714994");

    assertThatThrownBy(() -> read(data, OnError.FAIL))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith(
            "movies.csv line 12: the title is 600 characters long; at most 512");

    ImportSummary skipping = read(data, OnError.SKIP);
    assertThat(skipping.skipped().count()).isEqualTo(2);
    assertThat(skipping.skipped().examples())
        .anySatisfy(e -> assertThat(e).startsWith("tags.csv line 6: the tag is 1,100 characters"));
    assertThat(skipping.movies()).isEqualTo(10);
  }

  @Test
  void a_line_longer_than_64_kib_is_reported_at_its_line_and_skippable() {
    TinyDataset data =
        TinyDataset.copyTo(dir)
            .append("ratings.csv", "4," + repeat('9', 200_000) + ",4.0,964982703")
            .append("ratings.csv", "4,5,4.0,964982703");

    assertThatThrownBy(() -> read(data, OnError.FAIL))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("ratings.csv line 19: the line is longer than 65,536 bytes");
    ImportSummary skipping = read(data, OnError.SKIP);
    assertThat(skipping.skipped().count()).isEqualTo(1);
    assertThat(skipping.ratings()).isEqualTo(18);
  }

  @Test
  void a_file_of_nul_bytes_is_refused_at_line_1_without_reading_it_into_memory()
      throws IOException {
    TinyDataset data = TinyDataset.copyTo(dir);
    Path ratings = dir.resolve("ratings.csv");
    Files.delete(ratings);
    try (RandomAccessFile file = new RandomAccessFile(ratings.toFile(), "rw")) {
      file.setLength(512L << 20); // 512 MiB of NUL bytes (sparse: no disk space)
    }
    long heapBefore = usedHeap();

    assertThatThrownBy(() -> read(data, OnError.SKIP))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("ratings.csv line 1: the line is longer than 65,536 bytes");
    assertThat(usedHeap() - heapBefore).as("heap grown").isLessThan(256L << 20);
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  @Test
  void invalid_utf8_is_reported_at_its_own_line_and_skippable() throws IOException {
    TinyDataset data = TinyDataset.copyTo(dir).append("movies.csv", "11,Placeholder (2001),Drama");
    byte[] bytes = Files.readAllBytes(dir.resolve("movies.csv"));
    byte[] marker = "Placeholder".getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, marker);
    bytes[at] = (byte) 0xC3; // a UTF-8 lead byte followed by an ASCII byte: malformed
    bytes[at + 1] = (byte) 0x28;
    Files.write(dir.resolve("movies.csv"), bytes);

    assertThatThrownBy(() -> read(data, OnError.FAIL))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("movies.csv line 12: the line is not valid UTF-8");
    ImportSummary skipping = read(data, OnError.SKIP);
    assertThat(skipping.skipped().count()).isEqualTo(1);
    assertThat(skipping.movies()).isEqualTo(10);
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int k = 0; k < part.length; k++) {
        if (bytes[i + k] != part[k]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  @Test
  void a_truncated_gzip_is_reported_as_truncated_not_as_broken_quoting() throws IOException {
    TinyDataset data = TinyDataset.copyTo(dir);
    Path plain = dir.resolve("ratings.csv");
    StringBuilder many = new StringBuilder(Files.readString(plain));
    for (int user = 100; user < 3000; user++) {
      many.append(user).append(",1,4.0,964982703\r\n");
    }
    byte[] gzipped;
    try (var buffer = new java.io.ByteArrayOutputStream();
        OutputStream out = new GZIPOutputStream(buffer)) {
      out.write(many.toString().getBytes(StandardCharsets.UTF_8));
      out.close();
      gzipped = buffer.toByteArray();
    }
    Files.delete(plain);
    Files.write(
        dir.resolve("ratings.csv.gz"), java.util.Arrays.copyOf(gzipped, gzipped.length / 2));

    for (OnError onError : OnError.values()) {
      assertThatThrownBy(() -> read(data, onError))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("ratings.csv.gz")
          .hasMessageContaining("the compressed file is truncated or corrupt")
          .hasMessageNotContaining("quoting");
    }
  }

  @Test
  void a_ratings_csv_that_is_a_directory_says_so() throws IOException {
    TinyDataset data = TinyDataset.copyTo(dir);
    Files.delete(dir.resolve("ratings.csv"));
    Files.createDirectory(dir.resolve("ratings.csv"));

    assertThat(data.files().hasDataset()).isTrue();
    assertThatThrownBy(() -> read(data, OnError.FAIL))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("ratings.csv: is a directory, not a file");
  }

  @Test
  void an_unreadable_ratings_csv_says_permission_denied() throws IOException {
    TinyDataset data = TinyDataset.copyTo(dir);
    Path ratings = dir.resolve("ratings.csv");
    ratings.toFile().setReadable(false, false);
    Assumptions.assumeFalse(
        Files.isReadable(ratings), "running as root: every file is readable, nothing to check");

    assertThatThrownBy(() -> read(data, OnError.FAIL))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("ratings.csv: cannot be read: permission denied");
  }

  @Test
  void quarter_stars_are_refused_by_the_rule_the_api_uses_and_skippable() {
    TinyDataset data = TinyDataset.copyTo(dir).append("ratings.csv", "4,5,4.25,964982703");

    assertThatThrownBy(() -> read(data, OnError.FAIL))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith(
            "ratings.csv line 19: rating must be 0.5 to 5.0 in half stars, got 4.25");
    assertThat(read(data, OnError.SKIP).ratings()).isEqualTo(17);
  }

  @Test
  void numeric_rows_read_the_ugly_cases_like_the_jdk() throws RowException {
    NumericRow row = new NumericRow();
    for (String text :
        new String[] {
          "3.5",
          "5",
          "0.5",
          ".5",
          "5.",
          "0.02875",
          "0.029000000000000026",
          "1e-3",
          "+4.0",
          " 4.0",
          "0.0000001",
          "0.1234567",
          "123456.7"
        }) {
      byte[] bytes = ("1," + text).getBytes(StandardCharsets.UTF_8);
      assertThat(row.set(bytes, bytes.length)).isFalse();
      assertThat(row.number(1, "x")).as(text).isEqualTo(Float.parseFloat(text.strip()));
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      String text = String.valueOf(random.nextInt(10_000_000) / Math.pow(10, random.nextInt(8)));
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      row.set(bytes, bytes.length);
      assertThat(row.number(0, "x")).as(text).isEqualTo(Float.parseFloat(text));
    }
    byte[] bad = "x,99999999999,NaN,,\"7\"".getBytes(StandardCharsets.UTF_8);
    assertThat(row.set(bad, bad.length)).as("quoted: parsed as CSV first").isTrue();
    row.set(new String[] {"x", "99999999999", "NaN", "", "7"});
    assertThatThrownBy(() -> row.positiveInt(0, "userId"))
        .hasMessage("userId 'x' is not a whole number");
    assertThatThrownBy(() -> row.positiveInt(1, "userId"))
        .hasMessage("userId '99999999999' is not a whole number");
    assertThatThrownBy(() -> row.number(2, "rating"))
        .hasMessage("rating 'NaN' is not a finite number");
    assertThatThrownBy(() -> row.number(3, "rating")).hasMessage("rating '' is not a number");
    assertThat(row.positiveInt(4, "movieId")).isEqualTo(7);
  }
}

package app.movierec.catalog.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A writable copy of the hand-made fixture {@code src/test/resources/movielens/tiny}, for tests
 * that break it.
 */
final class TinyDataset {

  static final Path FIXTURE = Path.of("src/test/resources/movielens/tiny");

  private final Path dir;

  private TinyDataset(Path dir) {
    this.dir = dir;
  }

  static TinyDataset copyTo(Path dir) {
    try (Stream<Path> files = Files.list(FIXTURE)) {
      for (Path file : files.toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TinyDataset(dir);
  }

  Path dir() {
    return dir;
  }

  MovieLensFiles files() {
    return new MovieLensFiles(dir, null);
  }

  List<String> lines(String file) {
    try {
      return new ArrayList<>(Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces line {@code lineNumber} (1-based, the header is line 1) of {@code file}. */
  TinyDataset replaceLine(String file, int lineNumber, String text) {
    List<String> lines = lines(file);
    lines.set(lineNumber - 1, text);
    return write(file, lines);
  }

  /** Appends a row; returns its 1-based line number via {@link #lines}. */
  TinyDataset append(String file, String text) {
    List<String> lines = lines(file);
    lines.add(text);
    return write(file, lines);
  }

  TinyDataset write(String file, List<String> lines) {
    try {
      Files.writeString(
          dir.resolve(file), String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Replaces {@code name.csv} by {@code name.csv.gz} with the same content. */
  TinyDataset gzip(String name) {
    Path plain = dir.resolve(name + ".csv");
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve(name + ".csv.gz")))) {
      Files.copy(plain, out);
      Files.delete(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}

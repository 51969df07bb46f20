package app.movierec.cli;

import app.movierec.recommend.TrainingData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A minimal reader of a MovieLens folder ({@code movies.csv}, {@code ratings.csv}, optional {@code tags.csv}, each
 * optionally {@code .gz}) and an optional tag-genome folder ({@code genome-scores.csv[.gz]},
 * {@code genome-tags.csv}) into {@link TrainingData}, for the batch commands. Kept small on purpose: it is to be
 * replaced by the shared {@code catalog.imports.MovieLensFolder} once that exists.
 */
final class MovieLensCsv {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(false).get();

  private MovieLensCsv() {}

  /** Movie titles by movieId, for output that people read. */
  record Loaded(TrainingData data, Map<Integer, String> titles) {}

  static Loaded load(Path dataDir, Path genomeDir) {
    if (!Files.isDirectory(dataDir)) {
      throw UserInputException.data("data folder not found: " + dataDir);
    }
    Path moviesFile = existing(dataDir, "movies.csv");
    Path ratingsFile = existing(dataDir, "ratings.csv");
    Path tagsFile = optional(dataDir, "tags.csv");

    Map<Integer, String> titles = new LinkedHashMap<>();
    TreeMap<Integer, List<String>> genresById = new TreeMap<>();
    read(
        moviesFile,
        List.of("movieId", "title", "genres"),
        (row, line) -> {
          int movieId = parseInt(row.get("movieId"), moviesFile, line, "movieId");
          titles.put(movieId, row.get("title"));
          String genres = row.get("genres");
          genresById.put(
              movieId,
              genres.isBlank() || genres.equals("(no genres listed)")
                  ? List.of()
                  : List.of(genres.split("\\|")));
        });

    IntList userIds = new IntList();
    IntList movieIds = new IntList();
    FloatList ratings = new FloatList();
    read(
        ratingsFile,
        List.of("userId", "movieId", "rating"),
        (row, line) -> {
          userIds.add(parseInt(row.get("userId"), ratingsFile, line, "userId"));
          movieIds.add(parseInt(row.get("movieId"), ratingsFile, line, "movieId"));
          float rating = parseFloat(row.get("rating"), ratingsFile, line, "rating");
          if (!(rating > 0 && rating <= 5)) {
            throw UserInputException.data(ratingsFile + " line " + line + ": rating must be in (0, 5], got " + rating);
          }
          ratings.add(rating);
        });

    Map<Integer, List<String>> userTags = new HashMap<>();
    if (tagsFile != null) {
      read(
          tagsFile,
          List.of("movieId", "tag"),
          (row, line) -> {
            int movieId = parseInt(row.get("movieId"), tagsFile, line, "movieId");
            String tag = row.get("tag").strip();
            if (!tag.isEmpty()) {
              userTags.computeIfAbsent(movieId, id -> new ArrayList<>()).add(tag);
            }
          });
    }

    Map<Integer, float[]> genome = new HashMap<>();
    List<String> tagNames = List.of();
    if (genomeDir != null) {
      if (!Files.isDirectory(genomeDir)) {
        throw UserInputException.data("genome folder not found: " + genomeDir);
      }
      Path tagNamesFile = existing(genomeDir, "genome-tags.csv");
      TreeMap<Integer, String> tagsById = new TreeMap<>();
      read(
          tagNamesFile,
          List.of("tagId", "tag"),
          (row, line) -> tagsById.put(parseInt(row.get("tagId"), tagNamesFile, line, "tagId"), row.get("tag")));
      int tagCount = tagsById.isEmpty() ? 0 : tagsById.lastKey();
      String[] names = new String[tagCount];
      tagsById.forEach((tagId, name) -> names[tagId - 1] = name);
      tagNames = Arrays.stream(names).map(name -> name == null ? "" : name).toList();
      Path scoresFile = existing(genomeDir, "genome-scores.csv");
      read(
          scoresFile,
          List.of("movieId", "tagId", "relevance"),
          (row, line) -> {
            int movieId = parseInt(row.get("movieId"), scoresFile, line, "movieId");
            int tagId = parseInt(row.get("tagId"), scoresFile, line, "tagId");
            if (tagId < 1 || tagId > tagCount) {
              throw UserInputException.data(scoresFile + " line " + line + ": unknown tagId " + tagId);
            }
            genome.computeIfAbsent(movieId, id -> new float[tagCount])[tagId - 1] =
                parseFloat(row.get("relevance"), scoresFile, line, "relevance");
          });
    }

    // the catalogue: every movie of movies.csv plus any rated movie missing from it
    java.util.TreeSet<Integer> catalogue = new java.util.TreeSet<>(genresById.keySet());
    for (int k = 0; k < movieIds.size; k++) {
      catalogue.add(movieIds.values[k]);
    }
    int[] catalogueIds = catalogue.stream().mapToInt(Integer::intValue).toArray();
    List<List<String>> genres = new ArrayList<>(catalogueIds.length);
    for (int movieId : catalogueIds) {
      genres.add(genresById.getOrDefault(movieId, List.of()));
    }
    genome.keySet().retainAll(catalogue);
    String fingerprint = fingerprint(moviesFile, ratingsFile, tagsFile, genomeDir);
    TrainingData data =
        new TrainingData(
            fingerprint,
            catalogueIds,
            genres,
            userTags,
            genome,
            userIds.toArray(),
            movieIds.toArray(),
            ratings.toArray(),
            tagNames);
    return new Loaded(data, titles);
  }

  private static String fingerprint(Path... files) {
    StringBuilder text = new StringBuilder("folder");
    for (Path file : files) {
      if (file != null) {
        try {
          text.append('|').append(file.toAbsolutePath()).append(':').append(Files.size(file)).append(':')
              .append(Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
          text.append('|').append(file);
        }
      }
    }
    return Integer.toHexString(text.toString().hashCode());
  }

  @FunctionalInterface
  private interface RowHandler {
    void accept(CSVRecord row, long line);
  }

  private static void read(Path file, List<String> requiredColumns, RowHandler handler) {
    try (Reader reader = open(file);
        CSVParser parser = FORMAT.parse(reader)) {
      for (String column : requiredColumns) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw UserInputException.data(file + ": missing column '" + column + "' in the header line");
        }
      }
      for (CSVRecord row : parser) {
        long line = row.getRecordNumber() + 1;
        if (!row.isConsistent()) {
          throw UserInputException.data(
              file + " line " + line + ": expected " + parser.getHeaderMap().size() + " fields, got " + row.size());
        }
        handler.accept(row, line);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw UserInputException.data("cannot read " + file + ": " + e.getMessage());
    } catch (IllegalStateException e) {
      throw UserInputException.data("cannot parse " + file + ": " + e.getMessage());
    }
  }

  private static Reader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private static Path existing(Path dir, String name) {
    Path file = optional(dir, name);
    if (file == null) {
      throw UserInputException.data("missing file: " + dir.resolve(name) + " (or " + name + ".gz)");
    }
    return file;
  }

  private static Path optional(Path dir, String name) {
    Path plain = dir.resolve(name);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    Path gz = dir.resolve(name + ".gz");
    return Files.isRegularFile(gz) ? gz : null;
  }

  private static int parseInt(String text, Path file, long line, String column) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw UserInputException.data(file + " line " + line + ": " + column + " is not an integer: '" + text + "'");
    }
  }

  private static float parseFloat(String text, Path file, long line, String column) {
    try {
      float value = Float.parseFloat(text.strip());
      if (!Float.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw UserInputException.data(file + " line " + line + ": " + column + " is not a number: '" + text + "'");
    }
  }

  private static final class IntList {
    int[] values = new int[1024];
    int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  private static final class FloatList {
    float[] values = new float[1024];
    int size;

    void add(float value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    float[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}

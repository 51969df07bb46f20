package app.movierec.catalog.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Finds the files of a dataset in MovieLens layout: {@code movies.csv} and {@code ratings.csv},
 * optionally {@code links.csv}, {@code tags.csv}, {@code genome-scores.csv} and {@code
 * genome-tags.csv}, each either plain or gzipped ({@code .csv.gz}). The genome files may sit in a
 * folder of their own.
 */
public final class MovieLensFiles {

  public static final String MOVIES = "movies";
  public static final String RATINGS = "ratings";
  public static final String LINKS = "links";
  public static final String TAGS = "tags";
  public static final String GENOME_SCORES = "genome-scores";
  public static final String GENOME_TAGS = "genome-tags";

  static final List<String> ALL = List.of(MOVIES, RATINGS, LINKS, TAGS, GENOME_SCORES, GENOME_TAGS);

  private final Path dataDir;
  private final Path genomeDir;

  /**
   * @param dataDir the folder with movies.csv and ratings.csv
   * @param genomeDir the folder with the genome files, or null to look in {@code dataDir}
   */
  public MovieLensFiles(Path dataDir, Path genomeDir) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.genomeDir = genomeDir == null ? this.dataDir : genomeDir.toAbsolutePath().normalize();
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path genomeDir() {
    return genomeDir;
  }

  /**
   * The file {@code name.csv} or {@code name.csv.gz}, when it exists. Whatever is there under that
   * name counts (a directory, an unreadable file), so that reading it can say what is wrong with it
   * rather than that it is missing.
   */
  public Optional<Path> find(String name) {
    Path dir = name.startsWith("genome-") ? genomeDir : dataDir;
    for (String suffix : List.of(".csv", ".csv.gz")) {
      Path candidate = dir.resolve(name + suffix);
      if (Files.exists(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether the folder holds a dataset: at least movies and ratings. */
  public boolean hasDataset() {
    return find(MOVIES).isPresent() && find(RATINGS).isPresent();
  }

  Path require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new ImportException(
                    name + ".csv",
                    0,
                    "not found in "
                        + (name.startsWith("genome-") ? genomeDir : dataDir)
                        + " (also looked for "
                        + name
                        + ".csv.gz); a MovieLens folder needs movies.csv and ratings.csv"));
  }

  /**
   * Identifies the present files (name, size, last modification) together with the import settings.
   * Two starts with the same fingerprint would import the same rows, so the second one can skip the
   * import.
   */
  public String fingerprint(String settings) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(settings.getBytes(StandardCharsets.UTF_8));
      for (String name : ALL) {
        Optional<Path> file = find(name);
        String entry =
            file.isEmpty()
                ? name + ":absent"
                : file.get()
                    + ":"
                    + Files.size(file.get())
                    + ":"
                    + Files.getLastModifiedTime(file.get()).toMillis();
        digest.update((entry + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new ImportException(
          "Cannot read the dataset files in " + dataDir + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

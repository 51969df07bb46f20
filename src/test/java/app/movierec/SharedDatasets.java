package app.movierec;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MovieLens data beside the project ({@code ../shared/datasets/movielens}, or the folder
 * named by the system property {@code movierec.shared-datasets}). On a developer's machine without
 * it, real-data tests are skipped with a message; where it is expected (environment variable {@code
 * CI} set), a missing folder fails the test.
 */
public final class SharedDatasets {

  private SharedDatasets() {}

  public static Path root() {
    String configured = System.getProperty("movierec.shared-datasets", "");
    return Path.of(configured.isBlank() ? "../shared/datasets/movielens" : configured)
        .toAbsolutePath()
        .normalize();
  }

  /** The official ml-latest-small folder. */
  public static Path mlLatestSmall() {
    return require(root().resolve("ml-latest-small"), "ratings.csv");
  }

  /** The partial real tag genome (177 movies x 1,128 tags). */
  public static Path genomePartial() {
    return require(root().resolve("genome-partial"), "genome-tags.csv");
  }

  private static Path require(Path dir, String file) {
    if (Files.isRegularFile(dir.resolve(file))) {
      return dir;
    }
    String message = "real MovieLens data not found: " + dir.resolve(file);
    if (System.getenv("CI") != null) {
      fail(message + " (CI is set, so the shared datasets must be there; see .ci/run)");
    }
    Assumptions.abort(message + "; skipping (set -Dmovierec.shared-datasets=<folder> to run it)");
    return dir;
  }
}

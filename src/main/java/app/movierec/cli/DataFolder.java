package app.movierec.cli;

import app.movierec.catalog.imports.ImportException;
import app.movierec.catalog.imports.MovieLensFolder;
import app.movierec.recommend.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the MovieLens folder a command names, through the same validating reader as the app's
 * import, and turns its problems (missing file, malformed row with file and line) into one-line
 * user errors.
 */
final class DataFolder {

  private DataFolder() {}

  static TrainingData load(Path dataDir, Path genomeDir) {
    if (!Files.isDirectory(dataDir)) {
      throw UserInputException.data("data folder not found: " + dataDir);
    }
    if (genomeDir != null && !Files.isDirectory(genomeDir)) {
      throw UserInputException.data("genome folder not found: " + genomeDir);
    }
    try {
      return MovieLensFolder.load(dataDir, genomeDir);
    } catch (ImportException e) {
      throw UserInputException.data(e.getMessage());
    }
  }
}

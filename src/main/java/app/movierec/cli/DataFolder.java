package app.movierec.cli;

import app.movierec.catalog.imports.ImportException;
import app.movierec.catalog.imports.MovieLensFolder;
import app.movierec.common.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The MovieLens folder a command reads ({@code --data}, {@code --genome}), through the same
 * validating reader as the app's import; its problems (missing file, malformed row with file and
 * line) become one-line user errors.
 */
final class DataFolder {

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "a folder in MovieLens layout (movies.csv, ratings.csv, ...)")
  Path dataDir;

  @Option(
      names = "--genome",
      paramLabel = "DIR",
      description = "where genome-scores.csv and genome-tags.csv are (default: the data folder)")
  Path genomeDir;

  /** The folders given in code (picocli fills the fields from {@code --data}/{@code --genome}). */
  static DataFolder of(Path dataDir, Path genomeDir) {
    DataFolder folder = new DataFolder();
    folder.dataDir = dataDir;
    folder.genomeDir = genomeDir;
    return folder;
  }

  TrainingData load() {
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

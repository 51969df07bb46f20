package app.movierec.catalog.imports;

import app.movierec.common.ProgressListener;
import app.movierec.common.TrainingData;
import java.nio.file.Path;

/**
 * Reads a MovieLens folder straight into {@link TrainingData}, with the same validation as the
 * database import, for the batch commands that train without a database.
 */
public final class MovieLensFolder {

  private MovieLensFolder() {}

  /**
   * @param dataDir the folder with movies.csv and ratings.csv
   * @param genomeDir the folder with the genome files, or null to look in {@code dataDir}
   * @throws ImportException when a file is missing or a row is malformed
   */
  public static TrainingData load(Path dataDir, Path genomeDir) {
    return load(dataDir, genomeDir, 0, OnError.FAIL);
  }

  public static TrainingData load(Path dataDir, Path genomeDir, int maxMovies, OnError onError) {
    MovieLensFiles files = new MovieLensFiles(dataDir, genomeDir);
    TrainingDataSink sink = new TrainingDataSink();
    new MovieLensReader(files, maxMovies, onError, ProgressListener.NONE).read(sink);
    return sink.build(files.fingerprint("folder;maxMovies=" + maxMovies + ";onError=" + onError));
  }
}

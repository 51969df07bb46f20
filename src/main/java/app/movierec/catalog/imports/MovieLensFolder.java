package app.movierec.catalog.imports;

import app.movierec.catalog.GenomeTag;
import app.movierec.catalog.Movie;
import app.movierec.common.ProgressListener;
import app.movierec.common.TrainingData;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

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
    TrainingDataBuilder builder = new TrainingDataBuilder();
    new MovieLensReader(files, maxMovies, onError, ProgressListener.NONE)
        .read(
            new DatasetSink() {
              @Override
              public void genomeTags(List<GenomeTag> tags) {
                builder.genomeTagNames(tags.stream().map(GenomeTag::getTag).toList());
              }

              @Override
              public void movies(List<Movie> movies) {
                movies.stream()
                    .sorted(Comparator.comparingInt(Movie::getMovieId))
                    .forEach(movie -> builder.movie(movie.getMovieId(), movie.genreList()));
              }

              @Override
              public void rating(int userId, int movieId, float rating, long timestamp) {
                builder.rating(userId, movieId, rating);
              }

              @Override
              public void tag(int userId, int movieId, String tag, long timestamp) {
                builder.tag(movieId, tag);
              }

              @Override
              public void genomeVector(int movieId, float[] relevance) {
                builder.genomeVector(movieId, relevance);
              }
            });
    return builder.build(
        files.fingerprint("folder;maxMovies=" + maxMovies + ";onError=" + onError));
  }
}

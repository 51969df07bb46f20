package app.movierec.catalog.imports;

import app.movierec.catalog.GenomeTag;
import app.movierec.catalog.Movie;
import app.movierec.common.TrainingData;
import app.movierec.ratings.Rating;
import java.util.Comparator;
import java.util.List;

/**
 * Collects a reader's validated rows into {@link TrainingData}: what the models train on, the same
 * as {@link TrainingDataLoader} reads back from the database after an import of these rows (movies
 * and genome tags by id, ratings and tags in file order) when the ratings come in {@link
 * #inKeyOrder() key order}.
 */
final class TrainingDataSink implements DatasetSink {

  private final TrainingDataBuilder builder = new TrainingDataBuilder();
  private long lastKey = Long.MIN_VALUE;
  private boolean inKeyOrder = true;

  @Override
  public void genomeTags(List<GenomeTag> tags) {
    builder.genomeTagNames(
        tags.stream()
            .sorted(Comparator.comparingInt(GenomeTag::getTagId))
            .map(GenomeTag::getTag)
            .toList());
  }

  @Override
  public void movies(List<Movie> movies) {
    movies.stream()
        .sorted(Comparator.comparingInt(Movie::getMovieId))
        .forEach(movie -> builder.movie(movie.getMovieId(), movie.genreList()));
  }

  @Override
  public void rating(int userId, int movieId, float rating, long timestamp) {
    long key = Rating.key(userId, movieId);
    inKeyOrder &= key > lastKey;
    lastKey = key;
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

  /**
   * Whether the ratings came sorted by user, then movie, as in MovieLens' files: then they are in
   * the order {@link TrainingDataLoader} reads them back from the database.
   */
  boolean inKeyOrder() {
    return inKeyOrder;
  }

  TrainingData build(String fingerprint) {
    return builder.build(fingerprint);
  }
}

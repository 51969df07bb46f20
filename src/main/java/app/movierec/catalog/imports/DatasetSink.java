package app.movierec.catalog.imports;

import app.movierec.catalog.GenomeTag;
import app.movierec.catalog.Link;
import app.movierec.catalog.Movie;
import java.util.List;

/**
 * Receives a dataset's validated rows from {@link MovieLensReader}, in this order: genome tags,
 * movies, links, ratings, user tags, genome vectors. Only rows of kept movies arrive (all movies,
 * or the mini subset).
 */
public interface DatasetSink {

  default void genomeTags(List<GenomeTag> tags) {}

  void movies(List<Movie> movies);

  default void link(Link link) {}

  void rating(int userId, int movieId, float rating, long timestamp);

  default void tag(int userId, int movieId, String tag, long timestamp) {}

  /** The relevance of every genome tag for one movie, in ascending tagId order. */
  default void genomeVector(int movieId, float[] relevance) {}

  /** Passes every row to both sinks, {@code first} first. */
  static DatasetSink both(DatasetSink first, DatasetSink second) {
    return new DatasetSink() {
      @Override
      public void genomeTags(List<GenomeTag> tags) {
        first.genomeTags(tags);
        second.genomeTags(tags);
      }

      @Override
      public void movies(List<Movie> movies) {
        first.movies(movies);
        second.movies(movies);
      }

      @Override
      public void link(Link link) {
        first.link(link);
        second.link(link);
      }

      @Override
      public void rating(int userId, int movieId, float rating, long timestamp) {
        first.rating(userId, movieId, rating, timestamp);
        second.rating(userId, movieId, rating, timestamp);
      }

      @Override
      public void tag(int userId, int movieId, String tag, long timestamp) {
        first.tag(userId, movieId, tag, timestamp);
        second.tag(userId, movieId, tag, timestamp);
      }

      @Override
      public void genomeVector(int movieId, float[] relevance) {
        first.genomeVector(movieId, relevance);
        second.genomeVector(movieId, relevance);
      }
    };
  }
}

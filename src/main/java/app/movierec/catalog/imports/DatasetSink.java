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
}

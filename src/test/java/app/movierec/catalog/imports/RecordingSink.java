package app.movierec.catalog.imports;

import app.movierec.catalog.GenomeTag;
import app.movierec.catalog.Link;
import app.movierec.catalog.Movie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps everything a {@link MovieLensReader} hands over, for assertions. */
final class RecordingSink implements DatasetSink {

  record RatingRow(int userId, int movieId, float rating, long timestamp) {}

  record TagRow(int userId, int movieId, String tag) {}

  final Map<Integer, Movie> movies = new LinkedHashMap<>();
  final Map<Integer, Link> links = new LinkedHashMap<>();
  final List<RatingRow> ratings = new ArrayList<>();
  final List<TagRow> tags = new ArrayList<>();
  final List<GenomeTag> genomeTags = new ArrayList<>();
  final Map<Integer, float[]> genome = new LinkedHashMap<>();

  @Override
  public void genomeTags(List<GenomeTag> tags) {
    genomeTags.addAll(tags);
  }

  @Override
  public void movies(List<Movie> list) {
    list.forEach(movie -> movies.put(movie.getMovieId(), movie));
  }

  @Override
  public void link(Link link) {
    links.put(link.getMovieId(), link);
  }

  @Override
  public void rating(int userId, int movieId, float rating, long timestamp) {
    ratings.add(new RatingRow(userId, movieId, rating, timestamp));
  }

  @Override
  public void tag(int userId, int movieId, String tag, long timestamp) {
    tags.add(new TagRow(userId, movieId, tag));
  }

  @Override
  public void genomeVector(int movieId, float[] relevance) {
    genome.put(movieId, relevance);
  }
}

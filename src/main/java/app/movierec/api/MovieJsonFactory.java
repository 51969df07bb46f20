package app.movierec.api;

import app.movierec.api.ApiJson.MovieJson;
import app.movierec.api.ApiJson.RecommendedMovieJson;
import app.movierec.catalog.CatalogService;
import app.movierec.catalog.Link;
import app.movierec.catalog.Movie;
import app.movierec.common.DatasetReadyEvent;
import app.movierec.common.ScoredMovie;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns catalogue rows and scored movies into the API's JSON records. Movies are read from the
 * catalogue once and then kept in memory (the catalogue changes only with an import, which clears
 * them), so a recommendation list costs no database query.
 */
@Component
class MovieJsonFactory {

  private final CatalogService catalog;
  private final Map<Integer, MovieJson> cache = new ConcurrentHashMap<>();

  MovieJsonFactory(CatalogService catalog) {
    this.catalog = catalog;
  }

  @EventListener
  void onDatasetReady(DatasetReadyEvent event) {
    cache.clear();
  }

  List<MovieJson> movies(Collection<Movie> movies) {
    Map<Integer, Link> links = catalog.links(movies.stream().map(Movie::getMovieId).toList());
    return movies.stream().map(movie -> movie(movie, links.get(movie.getMovieId()))).toList();
  }

  MovieJson movie(Movie movie, Link link) {
    return new MovieJson(
        movie.getMovieId(),
        movie.getTitle(),
        movie.getYear(),
        movie.genreList(),
        link == null ? null : link.getTmdbId(),
        link == null ? null : link.getImdbId());
  }

  List<RecommendedMovieJson> recommended(List<ScoredMovie> scored) {
    List<Integer> missing =
        scored.stream()
            .map(ScoredMovie::movieId)
            .filter(id -> !cache.containsKey(id))
            .distinct()
            .toList();
    if (!missing.isEmpty()) {
      Map<Integer, Link> links = catalog.links(missing);
      catalog
          .movies(missing)
          .forEach((movieId, movie) -> cache.put(movieId, movie(movie, links.get(movieId))));
    }
    return scored.stream()
        .map(
            s -> {
              MovieJson movie = cache.get(s.movieId());
              if (movie == null) {
                return null; // the catalogue changed since the model was trained
              }
              return new RecommendedMovieJson(
                  movie.movieId(),
                  movie.title(),
                  movie.year(),
                  movie.genres(),
                  movie.tmdbId(),
                  finite(s.score()),
                  finite(s.alsScore()),
                  finite(s.contentScore()));
            })
        .filter(Objects::nonNull)
        .toList();
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}

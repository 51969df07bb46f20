package app.movierec.api;

import app.movierec.api.ApiJson.MovieJson;
import app.movierec.api.ApiJson.RecommendedMovieJson;
import app.movierec.catalog.CatalogService;
import app.movierec.catalog.Link;
import app.movierec.catalog.Movie;
import app.movierec.recommend.ScoredMovie;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Turns catalogue rows and scored movies into the API's JSON records, with two queries per list. */
@Component
class MovieJsonFactory {

  private final CatalogService catalog;

  MovieJsonFactory(CatalogService catalog) {
    this.catalog = catalog;
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
    List<Integer> ids = scored.stream().map(s -> (int) s.movieId()).toList();
    Map<Integer, Movie> movies = catalog.movies(ids);
    Map<Integer, Link> links = catalog.links(ids);
    return scored.stream()
        .map(s -> {
          Movie movie = movies.get((int) s.movieId());
          if (movie == null) {
            return null; // the catalogue changed since the model was trained
          }
          Link link = links.get(movie.getMovieId());
          return new RecommendedMovieJson(
              movie.getMovieId(),
              movie.getTitle(),
              movie.getYear(),
              movie.genreList(),
              link == null ? null : link.getTmdbId(),
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

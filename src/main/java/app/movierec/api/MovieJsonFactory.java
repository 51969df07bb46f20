package app.movierec.api;

import app.movierec.api.ApiJson.MovieJson;
import app.movierec.api.ApiJson.RecommendedMovieJson;
import app.movierec.catalog.CatalogService;
import app.movierec.catalog.Movie;
import app.movierec.catalog.MovieListing;
import app.movierec.common.ScoredMovie;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Turns catalogue rows and scored movies into the API's JSON records, from the catalogue's cached
 * listings, so a recommendation list costs no database query.
 */
@Component
class MovieJsonFactory {

  private final CatalogService catalog;

  MovieJsonFactory(CatalogService catalog) {
    this.catalog = catalog;
  }

  List<MovieJson> movies(Collection<Movie> movies) {
    Map<Integer, MovieListing> listings =
        catalog.listings(movies.stream().map(Movie::getMovieId).toList());
    return listings.values().stream().map(MovieJsonFactory::movie).toList();
  }

  static MovieJson movie(MovieListing listing) {
    Movie movie = listing.movie();
    return new MovieJson(
        movie.getMovieId(),
        movie.getTitle(),
        movie.getYear(),
        movie.genreList(),
        listing.tmdbId(),
        listing.imdbId());
  }

  List<RecommendedMovieJson> recommended(List<ScoredMovie> scored) {
    Map<Integer, MovieListing> listings =
        catalog.listings(scored.stream().map(ScoredMovie::movieId).toList());
    return scored.stream()
        .map(
            s -> {
              MovieListing listing = listings.get(s.movieId());
              if (listing == null) {
                return null; // the catalogue changed since the model was trained
              }
              MovieJson movie = movie(listing);
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

package app.movierec.api;

import app.movierec.api.ApiJson.ContentKinds;
import app.movierec.api.ApiJson.MovieDetailsJson;
import app.movierec.api.ApiJson.MovieJson;
import app.movierec.api.ApiJson.RecommendedMovieJson;
import app.movierec.catalog.CatalogService;
import app.movierec.catalog.Movie;
import app.movierec.catalog.MovieListing;
import app.movierec.catalog.MovieTitle;
import app.movierec.common.ScoredMovie;
import app.movierec.recommend.RecommendationService;
import app.movierec.recommend.content.VectorKind;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Turns catalogue rows and scored movies into the API's JSON records, from the catalogue's cached
 * listings, so a recommendation list costs no database query. Titles are written as people write
 * them ({@link MovieTitle}); IMDb ids as IMDb does ({@code tt0133093}).
 */
@Component
class MovieJsonFactory {

  private final CatalogService catalog;
  private final RecommendationService recommendations;

  MovieJsonFactory(CatalogService catalog, RecommendationService recommendations) {
    this.catalog = catalog;
    this.recommendations = recommendations;
  }

  List<MovieJson> movies(Collection<Movie> movies) {
    Map<Integer, MovieListing> listings =
        catalog.listings(movies.stream().map(Movie::getMovieId).toList());
    return listings.values().stream().map(this::movie).toList();
  }

  MovieJson movie(MovieListing listing) {
    Movie movie = listing.movie();
    MovieTitle title = MovieTitle.of(movie.getTitle());
    return new MovieJson(
        movie.getMovieId(),
        title.title(),
        title.alsoKnownAs(),
        movie.getTitle(),
        movie.getYear(),
        movie.genreList(),
        listing.tmdbId(),
        imdbId(listing.imdbId()),
        contentKind(movie.getMovieId()));
  }

  MovieDetailsJson details(
      MovieListing listing,
      List<RecommendedMovieJson> similarByContent,
      List<RecommendedMovieJson> similarByAls) {
    MovieJson movie = movie(listing);
    return new MovieDetailsJson(
        movie.movieId(),
        movie.title(),
        movie.alsoKnownAs(),
        movie.movieLensTitle(),
        movie.year(),
        movie.genres(),
        movie.tmdbId(),
        movie.imdbId(),
        movie.contentKind(),
        similarByContent,
        similarByAls);
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
                  movie.alsoKnownAs(),
                  movie.year(),
                  movie.genres(),
                  movie.tmdbId(),
                  movie.imdbId(),
                  movie.contentKind(),
                  finite(s.score()),
                  finite(s.alsScore()),
                  finite(s.contentScore()));
            })
        .filter(Objects::nonNull)
        .toList();
  }

  /** IMDb's own spelling: "tt" and at least 7 digits ("tt0133093"); null for none. */
  static String imdbId(Integer numeric) {
    return numeric == null ? null : String.format(Locale.ROOT, "tt%07d", numeric);
  }

  private String contentKind(int movieId) {
    if (!recommendations.ready()) {
      return null;
    }
    return recommendations
        .contentKind(movieId)
        .map(kind -> kind == VectorKind.GENOME ? ContentKinds.GENOME : ContentKinds.GENRES_AND_TAGS)
        .orElse(null);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}

package app.movierec.api;

import app.movierec.api.ApiJson.MovieDetailsJson;
import app.movierec.api.ApiJson.MovieJson;
import app.movierec.api.ApiJson.RecommendedMovieJson;
import app.movierec.catalog.CatalogService;
import app.movierec.catalog.Movie;
import app.movierec.catalog.MovieSearch;
import app.movierec.recommend.NotReadyException;
import app.movierec.recommend.RecommendationService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/movies}: title search and a movie's details with its similar movies. */
@RestController
@RequestMapping("/api/movies")
class MovieController {

  static final int MAX_LIMIT = 100;
  private static final int SIMILAR = 10;

  private final MovieSearch search;
  private final CatalogService catalog;
  private final RecommendationService recommender;
  private final MovieJsonFactory json;

  MovieController(
      MovieSearch search,
      CatalogService catalog,
      RecommendationService recommender,
      MovieJsonFactory json) {
    this.search = search;
    this.catalog = catalog;
    this.recommender = recommender;
    this.json = json;
  }

  /** Movies whose titles match the query (words in any order, year optional), best first. */
  @GetMapping
  List<MovieJson> search(@RequestParam String query, @RequestParam(defaultValue = "20") int limit) {
    if (query.isBlank()) {
      throw new BadRequestException("query", "query must not be blank");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException(
          "limit", "limit must lie in [1, " + MAX_LIMIT + "], got " + limit);
    }
    return json.movies(search.search(query, limit));
  }

  /**
   * The movie with genres, year, TMDB and IMDb ids and its most similar movies (empty lists while
   * training).
   */
  @GetMapping("/{movieId}")
  MovieDetailsJson movie(@PathVariable long movieId) {
    Movie movie = catalog.movie(movieId).orElseThrow(() -> new MovieNotFoundException(movieId));
    MovieJson base = json.movie(movie, catalog.link(movieId).orElse(null));
    List<RecommendedMovieJson> byContent;
    List<RecommendedMovieJson> byAls;
    try {
      byContent = json.recommended(recommender.similarByContent(movieId, SIMILAR));
      byAls = json.recommended(recommender.similarByAls(movieId, SIMILAR));
    } catch (NotReadyException e) {
      byContent = List.of();
      byAls = List.of();
    }
    return new MovieDetailsJson(
        base.movieId(),
        base.title(),
        base.year(),
        base.genres(),
        base.tmdbId(),
        base.imdbId(),
        byContent,
        byAls);
  }
}

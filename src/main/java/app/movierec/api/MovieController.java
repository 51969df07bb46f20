package app.movierec.api;

import app.movierec.api.ApiJson.MovieDetailsJson;
import app.movierec.api.ApiJson.MovieJson;
import app.movierec.api.ApiJson.RecommendedMovieJson;
import app.movierec.catalog.CatalogService;
import app.movierec.catalog.MovieListing;
import app.movierec.catalog.MovieSearch;
import app.movierec.recommend.RecommendationService;
import app.movierec.recommend.hybrid.BlendWeights;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/movies}: title search and a movie's details with its similar movies. */
@RestController
@RequestMapping(path = "/api/movies", produces = MediaType.APPLICATION_JSON_VALUE)
class MovieController {

  static final int MAX_LIMIT = 100;

  /** The longest title search: as long as the longest title the catalogue can hold. */
  static final int MAX_QUERY = 512;

  private static final int SIMILAR = 10;

  private final MovieSearch search;
  private final CatalogService catalog;
  private final RecommendationService recommendations;
  private final MovieJsonFactory json;

  MovieController(
      MovieSearch search,
      CatalogService catalog,
      RecommendationService recommendations,
      MovieJsonFactory json) {
    this.search = search;
    this.catalog = catalog;
    this.recommendations = recommendations;
    this.json = json;
  }

  /** Movies whose titles match the query (words in any order, year optional), best first. */
  @GetMapping
  List<MovieJson> search(
      @RequestParam @NotBlank @Size(max = MAX_QUERY) String query,
      @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_LIMIT) int limit) {
    return json.movies(search.search(query, limit));
  }

  /**
   * The movie with genres, year, TMDB and IMDb ids and its most similar movies (empty lists while
   * the model trains).
   */
  @GetMapping("/{movieId}")
  MovieDetailsJson movie(@PathVariable int movieId) {
    MovieListing listing =
        catalog.listing(movieId).orElseThrow(() -> new MovieNotFoundException(movieId));
    List<RecommendedMovieJson> byContent = List.of();
    List<RecommendedMovieJson> byAls = List.of();
    if (recommendations.ready()) {
      byContent =
          json.recommended(
              recommendations.similarMovies(movieId, BlendWeights.CONTENT_ONLY, SIMILAR));
      byAls =
          json.recommended(recommendations.similarMovies(movieId, BlendWeights.ALS_ONLY, SIMILAR));
    }
    return json.details(listing, byContent, byAls);
  }
}

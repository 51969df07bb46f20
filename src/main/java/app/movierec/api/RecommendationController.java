package app.movierec.api;

import app.movierec.api.ApiJson.RatingJson;
import app.movierec.api.ApiJson.RatingRequest;
import app.movierec.api.ApiJson.RecommendedMovieJson;
import app.movierec.api.ApiJson.UserJson;
import app.movierec.catalog.CatalogService;
import app.movierec.catalog.Movie;
import app.movierec.ratings.InvalidRatingException;
import app.movierec.ratings.LiveRating;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.RecommendationService;
import app.movierec.recommend.UserRecommendations;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recommendations for users and anonymous visitors, visitors and their ratings. */
@RestController
class RecommendationController {

  private final UserRecommendations userRecommendations;
  private final RecommendationService recommender;
  private final RatingService ratings;
  private final CatalogService catalog;
  private final MovieJsonFactory json;

  RecommendationController(
      UserRecommendations userRecommendations,
      RecommendationService recommender,
      RatingService ratings,
      CatalogService catalog,
      MovieJsonFactory json) {
    this.userRecommendations = userRecommendations;
    this.recommender = recommender;
    this.ratings = ratings;
    this.catalog = catalog;
    this.json = json;
  }

  /**
   * The user's recommendations, reflecting every rating stored so far (MovieLens users and visitors
   * alike).
   */
  @GetMapping("/api/users/{userId}/recommendations")
  List<RecommendedMovieJson> recommendationsForUser(
      @PathVariable long userId,
      @RequestParam(defaultValue = RecommendationParameters.DEFAULT_MODE) String mode,
      @RequestParam(defaultValue = RecommendationParameters.DEFAULT_ALS_WEIGHT) double alsWeight,
      @RequestParam(defaultValue = RecommendationParameters.DEFAULT_N) int n) {
    RecommendationParameters p = RecommendationParameters.of(mode, alsWeight, n);
    return json.recommended(
        userRecommendations.recommendForUser(userId, p.mode(), p.alsWeight(), p.n()));
  }

  /** Recommendations for an anonymous visitor from the ratings in the body; nothing is stored. */
  @PostMapping("/api/recommendations")
  List<RecommendedMovieJson> recommendationsForRatings(
      @RequestBody List<RatingRequest> body,
      @RequestParam(defaultValue = RecommendationParameters.DEFAULT_MODE) String mode,
      @RequestParam(defaultValue = RecommendationParameters.DEFAULT_ALS_WEIGHT) double alsWeight,
      @RequestParam(defaultValue = RecommendationParameters.DEFAULT_N) int n) {
    RecommendationParameters p = RecommendationParameters.of(mode, alsWeight, n);
    Map<Long, Double> byMovie = new LinkedHashMap<>();
    for (int i = 0; i < body.size(); i++) {
      RatingRequest rating = body.get(i);
      String at = "[" + i + "]";
      if (rating == null || rating.movieId() == null) {
        throw new BadRequestException(at + ".movieId", "movieId is required");
      }
      if (rating.rating() == null) {
        throw new BadRequestException(at + ".rating", "rating is required");
      }
      validateRating(at + ".rating", rating.rating());
      byMovie.put(rating.movieId(), rating.rating());
    }
    Set<Integer> known =
        catalog
            .movies(
                byMovie.keySet().stream()
                    .filter(id -> id > 0 && id <= Integer.MAX_VALUE)
                    .map(Long::intValue)
                    .collect(Collectors.toSet()))
            .values()
            .stream()
            .map(Movie::getMovieId)
            .collect(Collectors.toSet());
    for (int i = 0; i < body.size(); i++) {
      long movieId = body.get(i).movieId();
      if (movieId <= 0 || movieId > Integer.MAX_VALUE || !known.contains((int) movieId)) {
        throw new BadRequestException("[" + i + "].movieId", "unknown movie " + movieId);
      }
    }
    return json.recommended(
        recommender.recommendForRatings(byMovie, p.mode(), p.alsWeight(), p.n()));
  }

  /** Creates a visitor (a user without a MovieLens id); ids start at 1,000,000,000. */
  @PostMapping("/api/users")
  ResponseEntity<UserJson> createVisitor() {
    long userId = ratings.createVisitor();
    return ResponseEntity.created(URI.create("/api/users/" + userId + "/recommendations"))
        .body(new UserJson(userId));
  }

  /** Stores (or replaces) a rating of the user; their recommendations reflect it at once. */
  @PostMapping("/api/users/{userId}/ratings")
  ResponseEntity<RatingJson> rate(@PathVariable long userId, @RequestBody RatingRequest body) {
    if (body == null || body.movieId() == null) {
      throw new BadRequestException("movieId", "movieId is required");
    }
    if (body.rating() == null) {
      throw new BadRequestException("rating", "rating is required");
    }
    LiveRating stored = ratings.rate(userId, body.movieId(), body.rating());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new RatingJson(
                stored.getUserId(), stored.getMovieId(), stored.getRating(), stored.getRatedAt()));
  }

  private static void validateRating(String field, double rating) {
    try {
      RatingService.validateRating(rating);
    } catch (InvalidRatingException e) {
      throw new BadRequestException(field, e.getMessage());
    }
  }
}

package app.movierec.api;

import app.movierec.api.ApiJson.RatingJson;
import app.movierec.api.ApiJson.RatingRequest;
import app.movierec.api.ApiJson.RecommendedMovieJson;
import app.movierec.api.ApiJson.UserJson;
import app.movierec.catalog.CatalogService;
import app.movierec.common.UnknownUserException;
import app.movierec.common.UserHistory;
import app.movierec.ratings.InvalidRatingException;
import app.movierec.ratings.LiveRating;
import app.movierec.ratings.NewVisitor;
import app.movierec.ratings.RatingService;
import app.movierec.ratings.Visitor;
import app.movierec.recommend.Mode;
import app.movierec.recommend.RecommendationService;
import app.movierec.recommend.hybrid.BlendWeights;
import app.movierec.security.VisitorTokenFilter;
import app.movierec.security.WriteAccess;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recommendations for users and anonymous visitors, visitors and their ratings. A user or a rating
 * list the model cannot personalise (a new visitor, an empty list) gets the most rated movies.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class RecommendationController {

  static final int MAX_N = 100;

  /** The most ratings one {@code POST /api/recommendations} may carry. */
  static final int MAX_RATINGS = 1000;

  private final RecommendationService recommendations;
  private final RatingService ratings;
  private final CatalogService catalog;
  private final MovieJsonFactory json;

  RecommendationController(
      RecommendationService recommendations,
      RatingService ratings,
      CatalogService catalog,
      MovieJsonFactory json) {
    this.recommendations = recommendations;
    this.ratings = ratings;
    this.catalog = catalog;
    this.json = json;
  }

  /**
   * The user's recommendations, reflecting every rating stored so far (MovieLens users and visitors
   * alike). Without {@code alsWeight} the hybrid blends with the weight learned for users of this
   * user's activity.
   */
  @GetMapping("/api/users/{userId}/recommendations")
  List<RecommendedMovieJson> recommendationsForUser(
      @PathVariable int userId,
      @Parameter(
              description = "hybrid (both models), als (similar users) or content (any case)",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"hybrid", "als", "content"},
                      defaultValue = "hybrid"))
          @RequestParam(defaultValue = "hybrid")
          Mode mode,
      @RequestParam(required = false) @DecimalMin("0") @DecimalMax("1") Double alsWeight,
      @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_N) int n) {
    return json.recommended(
        mode == Mode.HYBRID && alsWeight == null
            ? recommendations.recommend(userId, n)
            : recommendations.recommend(userId, weights(mode, alsWeight), n));
  }

  /** Recommendations for an anonymous visitor from the ratings in the body; nothing is stored. */
  @PostMapping("/api/recommendations")
  List<RecommendedMovieJson> recommendationsForRatings(
      @RequestBody List<RatingRequest> body,
      @Parameter(
              description = "hybrid (both models), als (similar users) or content (any case)",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"hybrid", "als", "content"},
                      defaultValue = "hybrid"))
          @RequestParam(defaultValue = "hybrid")
          Mode mode,
      @RequestParam(required = false) @DecimalMin("0") @DecimalMax("1") Double alsWeight,
      @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_N) int n) {
    if (body == null) {
      throw new BadRequestException("body", "a list of ratings is required");
    }
    if (body.size() > MAX_RATINGS) {
      throw new BadRequestException(
          "body", "at most " + MAX_RATINGS + " ratings per request, got " + body.size());
    }
    UserHistory.Builder history = UserHistory.builder(UserHistory.ANONYMOUS);
    Map<Integer, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < body.size(); i++) {
      RatingRequest rating = body.get(i);
      String at = "[" + i + "]";
      if (rating == null || rating.movieId() == null) {
        throw new BadRequestException(at + ".movieId", "movieId is required");
      }
      Integer earlier = firstIndex.putIfAbsent(rating.movieId(), i);
      if (earlier != null) {
        throw new BadRequestException(
            at + ".movieId",
            "movie " + rating.movieId() + " is rated twice, at [" + earlier + "] and " + at);
      }
      if (rating.rating() == null) {
        throw new BadRequestException(at + ".rating", "rating is required");
      }
      validateRating(at + ".rating", rating.rating());
      history.rate(rating.movieId(), rating.rating());
    }
    UserHistory ratingsGiven = history.build();
    // the listings are in memory (one query for any not cached yet); movies() would ask JPA each
    // time
    Set<Integer> known = catalog.listings(toList(ratingsGiven.movieIds())).keySet();
    for (int i = 0; i < body.size(); i++) {
      int movieId = body.get(i).movieId();
      if (!known.contains(movieId)) {
        throw new BadRequestException("[" + i + "].movieId", "unknown movie " + movieId);
      }
    }
    return json.recommended(recommendations.recommend(ratingsGiven, weights(mode, alsWeight), n));
  }

  /**
   * Creates a visitor (a user without a MovieLens id; ids start at 1,000,000,000) and returns their
   * secret token, shown this once: send it as {@code Authorization: Bearer <token>} to write the
   * visitor's ratings.
   */
  @PostMapping("/api/users")
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<UserJson> createVisitor() {
    NewVisitor visitor = ratings.createVisitor();
    return ResponseEntity.created(URI.create("/api/users/" + visitor.userId() + "/recommendations"))
        .cacheControl(CacheControl.noStore())
        .body(new UserJson(visitor.userId(), visitor.token()));
  }

  /**
   * Stores (or replaces) a rating of the user; their recommendations reflect it at once. Needs the
   * visitor's token (MovieLens users: the operator's credentials).
   */
  @PostMapping("/api/users/{userId}/ratings")
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<RatingJson> rate(
      @PathVariable int userId,
      @RequestBody RatingRequest body,
      @RequestAttribute(name = VisitorTokenFilter.INVALID_TOKEN, required = false)
          Boolean invalidToken,
      Authentication authentication) {
    checkWrite(userId, invalidToken, authentication);
    if (body == null || body.movieId() == null) {
      throw new BadRequestException("movieId", "movieId is required");
    }
    if (body.rating() == null) {
      throw new BadRequestException("rating", "rating is required");
    }
    LiveRating stored = ratings.rate(userId, body.movieId(), body.rating());
    return ResponseEntity.status(HttpStatus.CREATED).body(json(stored));
  }

  /**
   * The user's stored ratings, best first: MovieLens users' for anyone, a visitor's with their
   * token only.
   */
  @GetMapping("/api/users/{userId}/ratings")
  List<RatingJson> ratingsOf(
      @PathVariable int userId,
      @RequestAttribute(name = VisitorTokenFilter.INVALID_TOKEN, required = false)
          Boolean invalidToken,
      Authentication authentication) {
    if (Visitor.isVisitorId(userId)) {
      checkWrite(userId, invalidToken, authentication);
    }
    if (!ratings.userExists(userId)) {
      throw new UnknownUserException(userId);
    }
    return ratings.ratingsOf(userId).stream()
        .map(r -> new RatingJson(r.getUserId(), r.getMovieId(), r.getRating(), r.getRatedAt()))
        .toList();
  }

  /**
   * Takes back a rating the user gave through the app or the API (a MovieLens rating of the same
   * movie counts again); 204, or 404 when there was none. Needs the visitor's token.
   */
  @DeleteMapping("/api/users/{userId}/ratings/{movieId}")
  ResponseEntity<Void> deleteRating(
      @PathVariable int userId,
      @PathVariable int movieId,
      @RequestAttribute(name = VisitorTokenFilter.INVALID_TOKEN, required = false)
          Boolean invalidToken,
      Authentication authentication) {
    checkWrite(userId, invalidToken, authentication);
    if (!ratings.deleteLiveRating(userId, movieId)) {
      throw new RatingNotFoundException(userId, movieId);
    }
    return ResponseEntity.noContent().build();
  }

  /**
   * {@code authentication} is the request's principal as Spring Security's filters left it (null
   * when anonymous), not the static {@code SecurityContextHolder}'s, which need not be the strategy
   * of the filter chain that served this request.
   */
  private static void checkWrite(int userId, Boolean invalidToken, Authentication authentication) {
    WriteAccess.check(authentication, userId, Boolean.TRUE.equals(invalidToken));
  }

  private static RatingJson json(LiveRating stored) {
    return new RatingJson(
        stored.getUserId(), stored.getMovieId(), stored.getRating(), stored.getRatedAt());
  }

  private BlendWeights weights(Mode mode, Double alsWeight) {
    return mode.weights(alsWeight != null ? alsWeight : 0);
  }

  private static List<Integer> toList(int[] ids) {
    return java.util.Arrays.stream(ids).boxed().toList();
  }

  private static void validateRating(String field, double rating) {
    try {
      RatingService.validateRating(rating);
    } catch (InvalidRatingException e) {
      throw new BadRequestException(field, e.getMessage());
    }
  }
}

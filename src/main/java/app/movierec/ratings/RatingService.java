package app.movierec.ratings;

import app.movierec.catalog.CatalogService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' ratings: the imported MovieLens ratings (table {@code rating}) and the live ones given in
 * the app (table {@code live_rating}, see {@link LiveRating}), plus the visitors who came without a
 * MovieLens id ({@link Visitor}). A user's effective ratings are their MovieLens ratings overridden
 * and extended by their live ratings.
 *
 * <p>Live ratings are also held in memory, one immutable map per user that {@link #rate} replaces
 * after the row is committed, so a reader sees a user's live ratings either before or after a
 * rating, never half of it, and the map instance changes exactly when the ratings change (callers
 * may cache on its identity).
 */
@Service
@Transactional(readOnly = true)
public class RatingService {

  private static final int LOCK_STRIPES = 64;

  private final RatingRepository ratings;
  private final LiveRatingRepository liveRatings;
  private final VisitorRepository visitors;
  private final CatalogService catalog;
  private final Clock clock;
  private final Object[] locks = new Object[LOCK_STRIPES];
  private final Map<Integer, Map<Long, Double>> liveByUser = new ConcurrentHashMap<>();
  private volatile boolean liveLoaded;

  RatingService(
      RatingRepository ratings,
      LiveRatingRepository liveRatings,
      VisitorRepository visitors,
      CatalogService catalog) {
    this.ratings = ratings;
    this.liveRatings = liveRatings;
    this.visitors = visitors;
    this.catalog = catalog;
    this.clock = Clock.systemUTC();
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /** Stores a new visitor and returns their userId (from {@link Visitor#FIRST_ID} upward). */
  @Transactional
  public long createVisitor() {
    return visitors.save(new Visitor(clock.instant().getEpochSecond())).getUserId();
  }

  /**
   * Stores (or replaces) the user's rating of a movie and returns it. Once this returns, {@link
   * #liveRatingsOf} and {@link #ratingsOf} include it.
   *
   * @throws InvalidRatingException for a rating outside 0.5-5.0 or not in half stars (field {@code
   *     rating}), or a movie the catalogue does not have (field {@code movieId})
   * @throws NoSuchUserException when the user is neither a MovieLens user nor a visitor
   */
  // no surrounding transaction: the row must be committed before the in-memory map changes
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public LiveRating rate(long userId, long movieId, double rating) {
    validateRating(rating);
    if (catalog.movie(movieId).isEmpty()) {
      throw new InvalidRatingException("movieId", "unknown movie " + movieId);
    }
    if (!userExists(userId)) {
      throw new NoSuchUserException(userId);
    }
    int user = (int) userId;
    synchronized (lockOf(user)) {
      LiveRating saved =
          liveRatings.save(
              new LiveRating(
                  user, (int) movieId, (float) rating, clock.instant().getEpochSecond()));
      Map<Long, Double> before = liveOf(user);
      Map<Long, Double> after = new LinkedHashMap<>(before);
      after.put(movieId, (double) saved.getRating());
      liveByUser.put(user, Collections.unmodifiableMap(after));
      return saved;
    }
  }

  /** Throws {@link InvalidRatingException} unless {@code rating} is 0.5, 1.0, ... or 5.0. */
  public static void validateRating(double rating) {
    if (!(rating >= 0.5 && rating <= 5.0) || rating * 2 != Math.rint(rating * 2)) {
      throw new InvalidRatingException(
          "rating", "rating must be 0.5 to 5.0 in half stars, got " + rating);
    }
  }

  /**
   * The user's live ratings by movieId: an immutable map that is replaced (a new instance) whenever
   * the user rates; empty for users without live ratings.
   */
  // in memory: no transaction (every recommendation request calls this)
  @Transactional(propagation = Propagation.SUPPORTS)
  public Map<Long, Double> liveRatingsOf(long userId) {
    return userId > 0 && userId <= Integer.MAX_VALUE ? liveOf((int) userId) : Map.of();
  }

  /**
   * The user's effective ratings by movieId: MovieLens ratings overridden and extended by live
   * ones.
   */
  public Map<Long, Double> effectiveRatingsOf(long userId) {
    Map<Long, Double> live = liveRatingsOf(userId);
    Map<Long, Double> result = new LinkedHashMap<>();
    for (Rating rating : movieLensRatingsOf(userId)) {
      result.put((long) rating.getMovieId(), (double) rating.getRating());
    }
    result.putAll(live);
    return result;
  }

  /**
   * A user's effective ratings, best first (most recent first among equals); empty for an unknown
   * user.
   */
  public List<Rating> ratingsOf(long userId) {
    if (userId <= 0 || userId > Integer.MAX_VALUE) {
      return List.of();
    }
    int user = (int) userId;
    Map<Integer, Rating> byMovie = new HashMap<>();
    movieLensRatingsOf(userId).forEach(r -> byMovie.put(r.getMovieId(), r));
    Map<Long, Double> live = liveOf(user);
    if (!live.isEmpty()) {
      List<RatingId> ids =
          live.keySet().stream().map(movieId -> new RatingId(user, movieId.intValue())).toList();
      for (LiveRating rating : liveRatings.findAllById(ids)) {
        // shown as a Rating (not persisted): callers see one kind of row whatever its source
        byMovie.put(
            rating.getMovieId(),
            new Rating(user, rating.getMovieId(), rating.getRating(), rating.getRatedAt()));
      }
    }
    List<Rating> result = new ArrayList<>(byMovie.values());
    result.sort(
        Comparator.comparingDouble(Rating::getRating)
            .reversed()
            .thenComparing(Comparator.comparingLong(Rating::getRatedAt).reversed()));
    return result;
  }

  /** Whether the user is a MovieLens user with ratings, a stored visitor, or has live ratings. */
  public boolean userExists(long userId) {
    if (userId <= 0 || userId > Integer.MAX_VALUE) {
      return false;
    }
    int user = (int) userId;
    return !liveOf(user).isEmpty()
        || (user >= Visitor.FIRST_ID ? visitors.existsById(user) : ratings.existsByUserId(user));
  }

  public long ratingCount() {
    return ratings.count();
  }

  public long userCount() {
    return ratings.countUsers();
  }

  /** A user drawn uniformly from everyone who rated something; empty when there are no ratings. */
  public Optional<Long> randomUserId(RandomGenerator random) {
    long users = userCount();
    if (users == 0) {
      return Optional.empty();
    }
    int index = (int) random.nextLong(Math.min(users, Integer.MAX_VALUE));
    return ratings.findUserIds(PageRequest.of(index, 1)).stream()
        .findFirst()
        .map(Integer::longValue);
  }

  /** How many ratings were given in the app. */
  public long liveRatingCount() {
    return liveRatings.count();
  }

  private List<Rating> movieLensRatingsOf(long userId) {
    return userId > 0 && userId < Visitor.FIRST_ID
        ? ratings.findByUserIdOrderByRatingDescRatedAtDesc((int) userId)
        : List.of();
  }

  private Map<Long, Double> liveOf(int userId) {
    if (!liveLoaded) {
      loadLive();
    }
    return liveByUser.getOrDefault(userId, Map.of());
  }

  private synchronized void loadLive() {
    if (liveLoaded) {
      return;
    }
    Map<Integer, Map<Long, Double>> loaded = new HashMap<>();
    for (LiveRating rating : liveRatings.findAll()) {
      loaded
          .computeIfAbsent(rating.getUserId(), u -> new LinkedHashMap<>())
          .put((long) rating.getMovieId(), (double) rating.getRating());
    }
    loaded.forEach((user, map) -> liveByUser.put(user, Collections.unmodifiableMap(map)));
    liveLoaded = true;
  }

  private Object lockOf(int userId) {
    return locks[Math.floorMod(userId, LOCK_STRIPES)];
  }
}

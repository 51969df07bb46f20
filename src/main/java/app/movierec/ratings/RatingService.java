package app.movierec.ratings;

import app.movierec.catalog.CatalogService;
import app.movierec.common.UnknownUserException;
import app.movierec.common.UserHistory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' ratings: the imported MovieLens ratings (table {@code rating}) and the live ones given in
 * the app (table {@code live_rating}, see {@link LiveRating}), plus the visitors who came without a
 * MovieLens id ({@link Visitor}). A user's stored ratings are their MovieLens ratings overridden
 * and extended by their live ratings.
 *
 * <p>A user's live ratings are read from the database at every request (one range read of the
 * {@code live_rating} primary key, user first), not cached in memory: several application instances
 * on one PostgreSQL then see a rating written through any of them at once.
 */
@Service
@Transactional(readOnly = true)
public class RatingService {

  private final RatingRepository ratings;
  private final LiveRatingRepository liveRatings;
  private final VisitorRepository visitors;
  private final CatalogService catalog;
  private final Clock clock;
  private final JdbcTemplate jdbc;

  RatingService(
      RatingRepository ratings,
      LiveRatingRepository liveRatings,
      VisitorRepository visitors,
      CatalogService catalog,
      JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.ratings = ratings;
    this.liveRatings = liveRatings;
    this.visitors = visitors;
    this.catalog = catalog;
    this.clock = Clock.systemUTC();
  }

  /**
   * Stores a new visitor and returns their userId (from {@link Visitor#FIRST_ID} upward) with their
   * secret token; the database keeps only the token's hash, so this is the one chance to hand it to
   * the visitor.
   */
  @Transactional
  public NewVisitor createVisitor() {
    String token = VisitorToken.newToken();
    Visitor visitor =
        visitors.save(new Visitor(clock.instant().getEpochSecond(), VisitorToken.hash(token)));
    return new NewVisitor(visitor.getUserId(), token);
  }

  /**
   * The visitor who owns {@code token}; empty for anything else (a malformed or unknown token, a
   * revoked one).
   */
  public Optional<Integer> visitorOfToken(String token) {
    if (!VisitorToken.wellFormed(token)) {
      return Optional.empty();
    }
    return visitors.findUserIdByTokenHash(VisitorToken.hash(token));
  }

  /**
   * Stores (or replaces) the user's rating of a movie and returns it. Once this returns, {@link
   * #liveHistoryOf} and {@link #ratingsOf} include it.
   *
   * @throws InvalidRatingException for a rating outside 0.5-5.0 or not in half stars (field {@code
   *     rating}), or a movie the catalogue does not have (field {@code movieId})
   * @throws UnknownUserException when the user is neither a MovieLens user nor a visitor
   */
  @Transactional
  public LiveRating rate(int userId, int movieId, double rating) {
    validateRating(rating);
    if (catalog.movie(movieId).isEmpty()) {
      throw new InvalidRatingException("movieId", "unknown movie " + movieId);
    }
    if (!userExists(userId)) {
      throw new UnknownUserException(userId);
    }
    return liveRatings.save(
        new LiveRating(userId, movieId, (float) rating, clock.instant().getEpochSecond()));
  }

  /**
   * Takes back a rating the user gave in the app (an undo); a MovieLens rating of the same movie
   * counts again. Returns whether there was one.
   */
  @Transactional
  public boolean deleteLiveRating(int userId, int movieId) {
    RatingId id = new RatingId(userId, movieId);
    if (!liveRatings.existsById(id)) {
      return false;
    }
    liveRatings.deleteById(id);
    return true;
  }

  /** Throws {@link InvalidRatingException} unless {@code rating} is 0.5, 1.0, ... or 5.0. */
  public static void validateRating(double rating) {
    String invalid = StarRating.invalidReason(rating);
    if (invalid != null) {
      throw new InvalidRatingException("rating", invalid);
    }
  }

  /**
   * The ratings the user gave in the app, from the database (every recommendation request asks: a
   * primary-key range read); empty for users without any.
   */
  @Transactional(propagation = Propagation.SUPPORTS)
  public UserHistory liveHistoryOf(int userId) {
    if (userId <= 0) {
      return UserHistory.empty().forUser(0);
    }
    UserHistory.Builder builder = UserHistory.builder(userId);
    // Plain JDBC rather than the repository's query on purpose: this runs on every recommendation,
    // and at ML-25M's size the repository call (a transaction, Hibernate's query set-up) cost 9% of
    // a recommendation's CPU, far more than the index range read itself.
    jdbc.query(
        "select movie_id, stars from live_rating where user_id = ? order by movie_id",
        (RowCallbackHandler) row -> builder.rate(row.getInt(1), row.getFloat(2)),
        userId);
    return builder.build();
  }

  /** The user's stored ratings: MovieLens ratings overridden and extended by live ones. */
  public UserHistory storedHistoryOf(int userId) {
    UserHistory.Builder builder = UserHistory.builder(Math.max(0, userId));
    for (Rating rating : movieLensRatingsOf(userId)) {
      builder.rate(rating.getMovieId(), rating.getRating());
    }
    return builder.build().overriddenBy(liveHistoryOf(userId));
  }

  /**
   * A user's stored ratings as rows, best first (most recent first among equals); empty for an
   * unknown user.
   */
  public List<Rating> ratingsOf(int userId) {
    if (userId <= 0) {
      return List.of();
    }
    Map<Integer, Rating> byMovie = new HashMap<>();
    movieLensRatingsOf(userId).forEach(r -> byMovie.put(r.getMovieId(), r));
    UserHistory live = liveHistoryOf(userId);
    if (!live.isEmpty()) {
      List<RatingId> ids = new ArrayList<>(live.size());
      for (int k = 0; k < live.size(); k++) {
        ids.add(new RatingId(userId, live.movieId(k)));
      }
      for (LiveRating rating : liveRatings.findAllById(ids)) {
        // shown as a Rating (not persisted): callers see one kind of row whatever its source
        byMovie.put(
            rating.getMovieId(),
            new Rating(userId, rating.getMovieId(), rating.getRating(), rating.getRatedAt()));
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
  public boolean userExists(int userId) {
    if (userId <= 0) {
      return false;
    }
    return !liveHistoryOf(userId).isEmpty()
        || (userId >= Visitor.FIRST_ID
            ? visitors.existsById(userId)
            : ratings.existsByUser(userId));
  }

  public long ratingCount() {
    return ratings.count();
  }

  public long userCount() {
    return ratings.countUsers();
  }

  /** A user drawn uniformly from everyone who rated something; empty when there are no ratings. */
  public Optional<Integer> randomUserId(RandomGenerator random) {
    long users = userCount();
    if (users == 0) {
      return Optional.empty();
    }
    int index = (int) random.nextLong(Math.min(users, Integer.MAX_VALUE));
    return ratings.findUserIds(PageRequest.of(index, 1)).stream().findFirst();
  }

  /** How many ratings were given in the app. */
  public long liveRatingCount() {
    return liveRatings.count();
  }

  private List<Rating> movieLensRatingsOf(int userId) {
    return userId > 0 && userId < Visitor.FIRST_ID ? ratings.findByUser(userId) : List.of();
  }
}

package app.movierec.recommend;

import app.movierec.ratings.NoSuchUserException;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.hybrid.UserScores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Recommendations for any user (MovieLens users, visitors, and users who rated in the app) that
 * reflect every rating stored so far, without retraining. The one entry point the UI and the JSON
 * API call.
 *
 * <p>When the trained model has seen all of a user's live ratings it serves their trained ALS
 * vector. Otherwise it folds in their effective ratings (the model's view of them overridden by
 * their live ratings from {@link RatingService}) and builds a content profile from the same
 * ratings. The per-user score vectors are cached (within {@code movierec.recommend.score-cache-mb},
 * default 256) under the identity of the model snapshot and of the user's live-ratings map: {@link
 * RatingService#rate} replaces that map, so a rating invalidates the user's entry, a retrain
 * invalidates all, and a computation that raced with a rating can never be served for the newer
 * map.
 */
@Service
public class UserRecommendations {

  private final RecommendationService recommender;
  private final RatingService ratings;
  private final long cacheBudgetBytes;
  private final Map<Long, Scores> cache = new ConcurrentHashMap<>();

  public UserRecommendations(
      RecommendationService recommender,
      RatingService ratings,
      @Value("${movierec.recommend.score-cache-mb:256}") long cacheBudgetMegabytes) {
    this.recommender = recommender;
    this.ratings = ratings;
    this.cacheBudgetBytes = cacheBudgetMegabytes << 20;
  }

  /**
   * The user's top {@code n} movies they have not rated, under a mode ({@code alsWeight} applies to
   * {@link Mode#HYBRID}). A visitor without ratings gets an empty list.
   *
   * @throws NoSuchUserException for a userId that is neither a MovieLens user nor a visitor
   * @throws NotReadyException before the first model is trained
   */
  public List<ScoredMovie> recommendForUser(long userId, Mode mode, double alsWeight, int n) {
    ModelSnapshot snapshot = recommender.current();
    BlendWeights weights = BlendWeights.forMode(mode, alsWeight);
    // read the live ratings once: everything below is computed from this one immutable map
    Map<Long, Double> live = ratings.liveRatingsOf(userId);
    Scores cached = cache.get(userId);
    if (cached == null || cached.snapshot != snapshot || cached.live != live) {
      cached = new Scores(snapshot, live, compute(snapshot, userId, live));
      if (cache.size() >= maxCachedUsers(snapshot)) {
        // evict an arbitrary entry: cheaper than LRU bookkeeping on every hit, and good enough for
        // a cache this size
        var iterator = cache.keySet().iterator();
        if (iterator.hasNext()) {
          iterator.next();
          iterator.remove();
        }
      }
      cache.put(userId, cached);
    }
    return cached.scores == null ? List.of() : snapshot.hybrid.blend(cached.scores, weights, n);
  }

  /**
   * The user's normalised score vectors under this snapshot; null for a user without any rating.
   */
  private UserScores compute(ModelSnapshot snapshot, long userId, Map<Long, Double> live) {
    Optional<Map<Long, Double>> trained = snapshot.ratings.ratingsOf(userId);
    if (trained.isPresent() && seenByModel(trained.get(), live)) {
      Map<Long, Double> trainedRatings = trained.get();
      return snapshot.hybrid.userScores(
          snapshot.als.userVector(userId).orElseGet(() -> snapshot.als.foldIn(trainedRatings)),
          snapshot.content.profile(trainedRatings));
    }
    Map<Long, Double> effective;
    if (trained.isPresent()) {
      effective = new LinkedHashMap<>(trained.get());
      effective.putAll(live);
    } else if (!live.isEmpty() || ratings.userExists(userId)) {
      // a visitor, or a user the model has never seen: their stored ratings are all there is
      effective = ratings.effectiveRatingsOf(userId);
      effective.putAll(live);
    } else {
      throw new NoSuchUserException(userId);
    }
    var profile = snapshot.content.profile(effective);
    return profile.ratedMovieRows().length == 0
        ? null
        : snapshot.hybrid.userScores(snapshot.als.foldIn(effective), profile);
  }

  /** As many users as fit the memory budget: each costs two floats and a boolean per movie. */
  private int maxCachedUsers(ModelSnapshot snapshot) {
    long bytesPerUser = 9L * Math.max(1, snapshot.content.movies().size()) + 64;
    return (int) Math.max(16, Math.min(1_000_000, cacheBudgetBytes / bytesPerUser));
  }

  /** Whether each live rating is in the trained data with the same value. */
  private static boolean seenByModel(Map<Long, Double> trained, Map<Long, Double> live) {
    for (Map.Entry<Long, Double> rating : live.entrySet()) {
      Double seen = trained.get(rating.getKey());
      if (seen == null || Math.abs(seen - rating.getValue()) > 1e-6) {
        return false;
      }
    }
    return true;
  }

  /**
   * Score vectors valid for exactly this snapshot and this live-ratings map instance; null scores =
   * no ratings.
   */
  private record Scores(ModelSnapshot snapshot, Map<Long, Double> live, UserScores scores) {}
}

package app.movierec.recommend;

import app.movierec.ratings.NoSuchUserException;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.hybrid.UserScores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Recommendations for any user (MovieLens users, visitors, and users who rated in the app) that reflect every rating
 * stored so far, without retraining. The one entry point the UI and the JSON API call.
 *
 * <p>When the trained model has seen all of a user's live ratings it serves their trained ALS vector (cached per user
 * in the snapshot). Otherwise it folds in their effective ratings (the model's view of them overridden by their live
 * ratings from {@link RatingService}) and builds a content profile from the same ratings. Fold-in scores are cached
 * under the identity of the user's live-ratings map and the snapshot: {@link RatingService#rate} replaces that map, so
 * a rating invalidates the entry, and a computation that raced with a rating can never be served for the newer map.
 */
@Service
public class UserRecommendations {

  private static final int MAX_CACHED = 1024;

  private final RecommendationService recommender;
  private final RatingService ratings;
  private final Map<Long, FoldedIn> foldInCache = new ConcurrentHashMap<>();

  public UserRecommendations(RecommendationService recommender, RatingService ratings) {
    this.recommender = recommender;
    this.ratings = ratings;
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
    Optional<Map<Long, Double>> trained = snapshot.ratings.ratingsOf(userId);
    if (trained.isPresent() && seenByModel(trained.get(), live)) {
      Map<Long, Double> trainedRatings = trained.get();
      UserScores scores =
          snapshot.userScores(
              userId,
              () ->
                  snapshot.hybrid.userScores(
                      snapshot.als.userVector(userId).orElseGet(() -> snapshot.als.foldIn(trainedRatings)),
                      snapshot.content.profile(trainedRatings)));
      return snapshot.hybrid.blend(scores, weights, n);
    }
    FoldedIn cached = foldInCache.get(userId);
    if (cached == null || cached.snapshot != snapshot || cached.live != live) {
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
      UserScores scores =
          profile.ratedMovieRows().length == 0
              ? null
              : snapshot.hybrid.userScores(snapshot.als.foldIn(effective), profile);
      cached = new FoldedIn(snapshot, live, scores);
      if (foldInCache.size() >= MAX_CACHED) {
        foldInCache.clear();
      }
      foldInCache.put(userId, cached);
    }
    return cached.scores == null ? List.of() : snapshot.hybrid.blend(cached.scores, weights, n);
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

  /** Fold-in scores, valid for exactly this snapshot and this live-ratings map instance; null scores = no ratings. */
  private record FoldedIn(ModelSnapshot snapshot, Map<Long, Double> live, UserScores scores) {}
}

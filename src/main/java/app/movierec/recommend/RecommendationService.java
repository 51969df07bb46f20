package app.movierec.recommend;

import app.movierec.common.ScoredMovie;
import app.movierec.common.UnknownUserException;
import app.movierec.common.UserHistory;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.content.VectorKind;
import app.movierec.recommend.hybrid.BlendSettings;
import app.movierec.recommend.hybrid.BlendWeights;
import app.movierec.recommend.hybrid.StandardScores;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one way the web pages, the JSON API and the load test ask for recommendations. Every answer
 * for a user comes from their effective ratings: what the serving model was trained with,
 * overridden and extended by the ratings given in the app since ({@link RatingService}); so a
 * rating counts at once, without retraining, and the grid, the details and the API agree.
 *
 * <p>A user's standardised score vectors are cached (Caffeine, bounded by {@code
 * movierec.recommend.score-cache-mb}, default 256) with the model and the history they were
 * computed from: a new rating or a retrain makes the entry stale, and moving the blend slider only
 * re-blends.
 *
 * @see ModelLifecycle for training, loading and swapping the model
 */
@Service
public class RecommendationService {

  /** How many rated movies explain a recommendation, per model. */
  public static final int EXPLANATIONS_PER_SIDE = 5;

  private final ModelLifecycle models;
  private final RatingService ratings;
  private final Cache<Integer, CachedScores> scoreCache;

  RecommendationService(
      ModelLifecycle models,
      RatingService ratings,
      @Value("${movierec.recommend.score-cache-mb:256}") long cacheMegabytes) {
    this.models = models;
    this.ratings = ratings;
    this.scoreCache =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(1, cacheMegabytes) << 10)
            .weigher((Integer userId, CachedScores cached) -> cached.kilobytes())
            .recordStats()
            .build();
  }

  /** Whether a model is serving (before the first one, every query throws NotReadyException). */
  public boolean ready() {
    return models.ready();
  }

  /**
   * The blend for a user of whom nothing is known, learned for the serving model (or the general
   * default before one is ready).
   */
  public BlendWeights defaultWeights() {
    return models
        .current()
        .map(HybridModel::defaultWeights)
        .orElse(BlendWeights.ofAlsWeight(BlendWeights.DEFAULT_ALS_WEIGHT));
  }

  /**
   * The user's effective ratings: the serving model's training ratings of the user overridden by
   * the ratings given in the app since; for a user the model does not know (a visitor, a user who
   * joined after training) their stored ratings.
   *
   * @throws UnknownUserException for a user who is neither a MovieLens user nor a visitor
   * @throws NotReadyException before the first model is ready
   */
  public UserHistory historyOf(int userId) {
    return historyOf(models.require(), userId);
  }

  private UserHistory historyOf(HybridModel model, int userId) {
    UserHistory live = ratings.liveHistoryOf(userId);
    Optional<UserHistory> trained = model.trainedHistory(userId);
    if (trained.isPresent()) {
      return trained.get().overriddenBy(live);
    }
    if (!ratings.userExists(userId)) {
      throw new UnknownUserException(userId);
    }
    return ratings.storedHistoryOf(userId);
  }

  /**
   * The user's top {@code n} movies they have not rated under the given weights; popular movies for
   * a user without usable ratings.
   *
   * @throws UnknownUserException for a user who is neither a MovieLens user nor a visitor
   * @throws NotReadyException before the first model is ready
   */
  public List<ScoredMovie> recommend(int userId, BlendWeights weights, int n) {
    HybridModel model = models.require();
    return recommend(model, model.withWeights(weights), historyOf(model, userId), n);
  }

  /**
   * The user's top {@code n} movies under the blend learned for users of their activity (the
   * default of the page and the API).
   *
   * @throws UnknownUserException for a user who is neither a MovieLens user nor a visitor
   * @throws NotReadyException before the first model is ready
   */
  public List<ScoredMovie> recommend(int userId, int n) {
    HybridModel model = models.require();
    return recommend(model, model.withLearnedWeights(), historyOf(model, userId), n);
  }

  private List<ScoredMovie> recommend(
      HybridModel model, HybridModel blended, UserHistory history, int n) {
    return cachedScores(model, history)
        .map(scores -> blended.recommend(history, scores, n))
        .orElseGet(() -> blended.recommend(history, n));
  }

  /**
   * The blend a user gets by default: the weight learned for users with as many ratings as they
   * have.
   */
  public BlendWeights weightsFor(int userId) {
    HybridModel model = models.require();
    return model.withLearnedWeights().weightsFor(historyOf(model, userId));
  }

  /** The blend chosen for the serving model and the validation behind it. */
  public BlendSettings blend() {
    return models.require().blend();
  }

  /** Recommendations for ratings that belong to no stored user (nothing is stored). */
  public List<ScoredMovie> recommend(UserHistory history, BlendWeights weights, int n) {
    return models.require().withWeights(weights).recommend(history, n);
  }

  /** As {@link #recommend(UserHistory, BlendWeights, int)} under the learned blend. */
  public List<ScoredMovie> recommend(UserHistory history, int n) {
    return models.require().withLearnedWeights().recommend(history, n);
  }

  /** Movies most like this one under the given weights; empty for an unknown movie. */
  public List<ScoredMovie> similarMovies(int movieId, BlendWeights weights, int n) {
    return models.require().withWeights(weights).similarMovies(movieId, n);
  }

  /**
   * Which of the user's effective ratings drove {@code movieId}'s score: up to {@link
   * #EXPLANATIONS_PER_SIDE} from ALS, then from content; empty for a movie the user rated.
   */
  public List<Explanation> explain(int userId, int movieId) {
    HybridModel model = models.require();
    return model
        .withLearnedWeights()
        .explain(historyOf(model, userId), movieId, EXPLANATIONS_PER_SIDE);
  }

  /**
   * The user's favourites: up to {@code n} of their effective ratings, best first, never a dislike
   * (a rating well below their own reference rating, see {@link UserHistory#dislikes}).
   */
  public List<Integer> favourites(int userId, int n) {
    UserHistory history = historyOf(userId);
    List<Integer> liked = new ArrayList<>();
    for (int k = 0; k < history.size(); k++) {
      if (!history.dislikes(k)) {
        liked.add(k);
      }
    }
    liked.sort(
        Comparator.comparingDouble((Integer k) -> history.rating(k))
            .reversed()
            .thenComparingInt(history::movieId));
    return liked.stream().limit(n).map(history::movieId).toList();
  }

  /** Whether the movie's content vector is its genome or the genre/tag fallback. */
  public Optional<VectorKind> contentKind(int movieId) {
    return models.require().contentKind(movieId);
  }

  /** Names of the movie's most relevant genome tags; empty without a genome vector. */
  public List<String> strongestGenomeTags(int movieId, int n) {
    return models.require().strongestGenomeTags(movieId, n);
  }

  /** Hits and misses of the per-user score cache (for tests and diagnostics). */
  CacheStats scoreCacheStats() {
    return scoreCache.stats();
  }

  private Optional<StandardScores> cachedScores(HybridModel model, UserHistory history) {
    CachedScores cached = scoreCache.getIfPresent(history.userId());
    if (cached == null || cached.model != model || !cached.history.equals(history)) {
      cached = new CachedScores(model, history, model.standardScores(history));
      scoreCache.put(history.userId(), cached);
    }
    return cached.scores;
  }

  /** Scores valid for exactly this model and this history. */
  private record CachedScores(
      HybridModel model, UserHistory history, Optional<StandardScores> scores) {

    int kilobytes() {
      long bytes = 16L * history.size() + scores.map(StandardScores::bytes).orElse(64L);
      return (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes >> 10));
    }
  }
}

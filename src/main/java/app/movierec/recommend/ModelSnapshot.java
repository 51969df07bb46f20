package app.movierec.recommend;

import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.content.ContentModel;
import app.movierec.recommend.hybrid.HybridRecommender;
import app.movierec.recommend.hybrid.UserScores;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one trained generation serves from: both models, their id indexes, the users' ratings
 * and a small LRU of per-user normalised score vectors (at most 256 users and about 64 MB).
 * Immutable apart from the cache; replaced as a whole, so readers never see a mix of generations
 * and a swap drops the old cache with it.
 */
final class ModelSnapshot {

  private static final int MAX_CACHED_USERS = 256;
  private static final long CACHE_BUDGET_BYTES = 64L << 20;

  final String fingerprint;
  final AlsModel als;
  final ContentModel content;
  final HybridRecommender hybrid;
  final UserRatings ratings;
  private final int cachedUsers;
  private final Map<Long, UserScores> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, UserScores> eldest) {
          return size() > cachedUsers;
        }
      };

  ModelSnapshot(String fingerprint, AlsModel als, ContentModel content, UserRatings ratings) {
    // each cached user holds two floats and a boolean per movie: 88 KB on ml-latest-small, 560 KB
    // on ml-25m
    long bytesPerUser = 9L * Math.max(1, content.movies().size());
    this.cachedUsers =
        (int) Math.max(16, Math.min(MAX_CACHED_USERS, CACHE_BUDGET_BYTES / bytesPerUser));
    this.fingerprint = fingerprint;
    this.als = als;
    this.content = content;
    this.hybrid = new HybridRecommender(als, content);
    this.ratings = ratings;
  }

  /**
   * The user's normalised scores, computed once per snapshot and user (a weight change only
   * re-blends).
   */
  UserScores userScores(long userId, java.util.function.Supplier<UserScores> compute) {
    synchronized (cache) {
      UserScores cached = cache.get(userId);
      if (cached != null) {
        return cached;
      }
    }
    UserScores computed = compute.get();
    synchronized (cache) {
      cache.put(userId, computed);
    }
    return computed;
  }
}

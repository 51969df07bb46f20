package app.movierec.recommend.eval;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Top-k ranking metrics with binary relevance. {@code recommended} is a ranked list of movieIds,
 * best first; {@code relevant} the held-out movieIds of one user. Lists shorter than {@code k}
 * count their missing places as misses; a user without relevant movies scores 0 everywhere.
 */
public final class RankingMetrics {

  private RankingMetrics() {}

  /** Hits among the first {@code k} recommendations, divided by {@code k}. */
  public static double precisionAtK(int[] recommended, Set<Integer> relevant, int k) {
    checkK(k);
    return (double) hits(recommended, relevant, k) / k;
  }

  /** Hits among the first {@code k} recommendations, divided by the number of relevant movies. */
  public static double recallAtK(int[] recommended, Set<Integer> relevant, int k) {
    checkK(k);
    return relevant.isEmpty() ? 0 : (double) hits(recommended, relevant, k) / relevant.size();
  }

  /**
   * Normalised discounted cumulative gain: {@code DCG = sum over hits at 1-based rank i <= k of 1 /
   * log2(i + 1)}, divided by the ideal DCG of {@code min(k, |relevant|)} hits at the top.
   */
  public static double ndcgAtK(int[] recommended, Set<Integer> relevant, int k) {
    checkK(k);
    if (relevant.isEmpty()) {
      return 0;
    }
    double dcg = 0;
    int limit = Math.min(k, recommended.length);
    for (int i = 0; i < limit; i++) {
      if (relevant.contains(recommended[i])) {
        dcg += discount(i);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      ideal += discount(i);
    }
    return dcg / ideal;
  }

  /**
   * Average precision at {@code k}: the precision at each hit's rank, summed over the hits in the
   * first {@code k}, divided by {@code min(k, |relevant|)}. The mean over users is MAP@k.
   */
  public static double averagePrecisionAtK(int[] recommended, Set<Integer> relevant, int k) {
    checkK(k);
    if (relevant.isEmpty()) {
      return 0;
    }
    double sum = 0;
    int hits = 0;
    int limit = Math.min(k, recommended.length);
    for (int i = 0; i < limit; i++) {
      if (relevant.contains(recommended[i])) {
        hits++;
        sum += (double) hits / (i + 1);
      }
    }
    return sum / Math.min(k, relevant.size());
  }

  /** The share of the catalogue that appears in at least one of the recommendation lists. */
  public static double catalogueCoverage(Collection<int[]> recommendationLists, int catalogueSize) {
    if (catalogueSize <= 0) {
      throw new IllegalArgumentException("catalogueSize must be > 0, got " + catalogueSize);
    }
    Set<Integer> seen = new HashSet<>();
    for (int[] list : recommendationLists) {
      for (int movieId : list) {
        seen.add(movieId);
      }
    }
    return (double) seen.size() / catalogueSize;
  }

  private static double discount(int zeroBasedRank) {
    return 1 / (Math.log(zeroBasedRank + 2) / Math.log(2));
  }

  private static int hits(int[] recommended, Set<Integer> relevant, int k) {
    int hits = 0;
    for (int i = 0; i < Math.min(k, recommended.length); i++) {
      if (relevant.contains(recommended[i])) {
        hits++;
      }
    }
    return hits;
  }

  private static void checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }
}

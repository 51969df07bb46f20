package app.movierec.recommend.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Averages the ranking metrics of one recommender's top-{@code k} lists over test users (lists must
 * never contain the user's training movies).
 */
public final class Evaluator {

  private Evaluator() {}

  /**
   * Mean metrics of one recommender.
   *
   * @param users how many test users were averaged
   */
  public record Result(
      String name,
      int k,
      double precision,
      double recall,
      double ndcg,
      double map,
      double coverage,
      int users) {}

  /** Metrics of lists parallel to {@code users}, against each user's held-out movies. */
  public static Result summarise(
      String name,
      Map<Integer, Set<Integer>> relevantByUser,
      int k,
      int catalogueSize,
      List<Integer> users,
      List<int[]> lists) {
    double precision = 0;
    double recall = 0;
    double ndcg = 0;
    double map = 0;
    for (int u = 0; u < users.size(); u++) {
      Set<Integer> relevant = relevantByUser.getOrDefault(users.get(u), Set.of());
      int[] list = lists.get(u);
      precision += RankingMetrics.precisionAtK(list, relevant, k);
      recall += RankingMetrics.recallAtK(list, relevant, k);
      ndcg += RankingMetrics.ndcgAtK(list, relevant, k);
      map += RankingMetrics.averagePrecisionAtK(list, relevant, k);
    }
    int count = Math.max(1, users.size());
    return new Result(
        name,
        k,
        precision / count,
        recall / count,
        ndcg / count,
        map / count,
        RankingMetrics.catalogueCoverage(lists, catalogueSize),
        users.size());
  }
}

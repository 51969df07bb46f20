package app.movierec.recommend.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the offline protocol of a {@link TrainTestSplit}: each test user gets a top-{@code k} list
 * from the recommender (which must never return the user's training movies), and the metrics are
 * averaged over those users.
 */
public final class Evaluator {

  private Evaluator() {}

  /** The top {@code k} movieIds for a user of the split's training data, best first. */
  @FunctionalInterface
  public interface TopKRecommender {
    long[] recommend(long userId, int k);
  }

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

  public static Result evaluate(
      String name, TrainTestSplit split, int k, int catalogueSize, TopKRecommender recommender) {
    Map<Long, Set<Long>> test = split.testMovieIdsByUserId();
    List<Long> users = TrainTestSplit.sortedUsers(test);
    List<long[]> lists = new ArrayList<>(users.size());
    for (long userId : users) {
      lists.add(recommender.recommend(userId, k));
    }
    return summarise(name, split, k, catalogueSize, users, lists);
  }

  /** Metrics of precomputed lists, parallel to {@code users}. */
  public static Result summarise(
      String name,
      TrainTestSplit split,
      int k,
      int catalogueSize,
      List<Long> users,
      List<long[]> lists) {
    double precision = 0;
    double recall = 0;
    double ndcg = 0;
    double map = 0;
    for (int u = 0; u < users.size(); u++) {
      Set<Long> relevant = split.testMovieIdsByUserId().get(users.get(u));
      long[] list = lists.get(u);
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

  /** The users of a split's test set, ascending. */
  public static List<Long> testUsers(TrainTestSplit split) {
    return TrainTestSplit.sortedUsers(split.testMovieIdsByUserId());
  }
}

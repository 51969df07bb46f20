package app.movierec.recommend.eval;

import app.movierec.recommend.IdIndex;
import app.movierec.recommend.TopN;
import app.movierec.recommend.TrainingData;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The baseline: the movies with the most training ratings that the user has not rated. */
public final class PopularityRecommender implements Evaluator.TopKRecommender {

  private final IdIndex movies;
  private final double[] ratingCounts;
  private final Map<Long, Set<Integer>> ratedRowsByUserId = new HashMap<>();

  public PopularityRecommender(TrainingData train) {
    this.movies = IdIndex.of(train.ratingMovieIds());
    this.ratingCounts = new double[movies.size()];
    for (int k = 0; k < train.ratingCount(); k++) {
      int itemRow = movies.rowOf(train.ratingMovieIds()[k]);
      ratingCounts[itemRow]++;
      ratedRowsByUserId
          .computeIfAbsent((long) train.ratingUserIds()[k], id -> new HashSet<>())
          .add(itemRow);
    }
  }

  @Override
  public long[] recommend(long userId, int k) {
    boolean[] excluded = new boolean[movies.size()];
    for (int itemRow : ratedRowsByUserId.getOrDefault(userId, Set.of())) {
      excluded[itemRow] = true;
    }
    int[] rows = TopN.select(ratingCounts, excluded, k);
    long[] movieIds = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      movieIds[i] = movies.idAt(rows[i]);
    }
    return movieIds;
  }
}

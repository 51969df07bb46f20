package app.movierec.recommend;

import app.movierec.common.IdIndex;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TopN;
import app.movierec.common.UserHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions every recommender here answers, in the spirit of LensKit's {@code ItemRecommender}
 * and implicit's {@code RecommenderBase}: scores of every movie for a user's history, the top n the
 * user has not rated, the movies most like one movie, and why a movie would be recommended. A
 * history that names no known movie is still a valid question (the answer may be empty, never an
 * exception).
 */
public interface MovieRecommender {

  /** {@code movieId <-> row} of the vectors {@link #scores} returns. */
  IdIndex movies();

  /**
   * How much the history's owner should like every movie, by {@link #movies()} row (higher is
   * better); NaN where this recommender cannot score a movie. Rated movies are scored too.
   */
  float[] scores(UserHistory history);

  /** The {@code n} best-scored movies that the history does not hold, best first. */
  default List<ScoredMovie> recommend(UserHistory history, int n) {
    float[] scores = scores(history);
    IdIndex movies = movies();
    boolean[] excluded = new boolean[movies.size()];
    for (int k = 0; k < history.size(); k++) {
      int row = movies.rowOf(history.movieId(k));
      if (row >= 0) {
        excluded[row] = true;
      }
    }
    List<ScoredMovie> result = new ArrayList<>(n);
    for (int row : TopN.select(scores, excluded, n)) {
      result.add(ScoredMovie.of(movies.idAt(row), scores[row]));
    }
    return List.copyOf(result);
  }

  /** The {@code n} movies most like {@code movieId}, best first, itself excluded. */
  List<ScoredMovie> similarMovies(int movieId, int n);

  /**
   * Which of the history's movies made {@code movieId} score as it does, strongest first; empty
   * when the history holds {@code movieId} (a rated movie is never recommended) or nothing it
   * knows.
   */
  List<Explanation> explain(UserHistory history, int movieId, int n);
}

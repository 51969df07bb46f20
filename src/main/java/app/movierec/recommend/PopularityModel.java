package app.movierec.recommend;

import app.movierec.common.IdIndex;
import app.movierec.common.ScoredMovie;
import app.movierec.common.UserHistory;
import java.util.List;

/**
 * The baseline: every user gets the movies with the most training ratings that they have not rated.
 * The hybrid falls back on it for a history it cannot personalise (empty, or only movies no model
 * knows), and the evaluation compares every model against it.
 */
public final class PopularityModel implements MovieRecommender {

  private final IdIndex movies;
  private final float[] ratingCounts;

  /** {@code ratingCounts} by {@code movies} row (taken over, not copied). */
  PopularityModel(IdIndex movies, float[] ratingCounts) {
    if (ratingCounts.length != movies.size()) {
      throw new IllegalArgumentException("one rating count per movie");
    }
    this.movies = movies;
    this.ratingCounts = ratingCounts;
  }

  @Override
  public IdIndex movies() {
    return movies;
  }

  /** The number of training ratings of each movie, whoever asks. */
  @Override
  public float[] scores(UserHistory history) {
    return ratingCounts.clone();
  }

  /** Popularity knows nothing of likeness. */
  @Override
  public List<ScoredMovie> similarMovies(int movieId, int n) {
    return List.of();
  }

  /** Popularity is the same for everyone: no rating explains it. */
  @Override
  public List<Explanation> explain(UserHistory history, int movieId, int n) {
    return List.of();
  }
}

package app.movierec.recommend;

import app.movierec.common.IdIndex;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every user's training ratings, compact (CSR over userRows: movieIds ascending within a user, and
 * their stars) and immutable: a model's own view of its users, so serving a trained user needs no
 * database query.
 */
final class TrainedRatings {

  private final IdIndex users;
  private final int[] offsets;
  private final int[] movieIds;
  private final float[] ratings;

  private TrainedRatings(IdIndex users, int[] offsets, int[] movieIds, float[] ratings) {
    this.users = users;
    this.offsets = offsets;
    this.movieIds = movieIds;
    this.ratings = ratings;
  }

  static TrainedRatings of(TrainingData data) {
    int[] userIds = data.ratingUserIds();
    int[] ratedMovieIds = data.ratingMovieIds();
    float[] stars = data.ratings();
    IdIndex users = IdIndex.of(userIds);
    int n = data.ratingCount();
    int[] offsets = new int[users.size() + 1];
    // ratings come grouped by user (the database reads them so): a run reuses its row
    int previousId = 0;
    int previousRow = -1;
    for (int k = 0; k < n; k++) {
      if (previousRow < 0 || userIds[k] != previousId) {
        previousId = userIds[k];
        previousRow = users.rowOf(previousId);
      }
      offsets[previousRow + 1]++;
    }
    for (int row = 0; row < users.size(); row++) {
      offsets[row + 1] += offsets[row];
    }
    int[] next = Arrays.copyOf(offsets, users.size());
    int[] movieIds = new int[n];
    float[] ratings = new float[n];
    previousRow = -1;
    for (int k = 0; k < n; k++) {
      if (previousRow < 0 || userIds[k] != previousId) {
        previousId = userIds[k];
        previousRow = users.rowOf(previousId);
      }
      int slot = next[previousRow]++;
      movieIds[slot] = ratedMovieIds[k];
      ratings[slot] = stars[k];
    }
    // within a user, ascending movieId: usually so already; otherwise sort that user's few ratings
    for (int row = 0; row < users.size(); row++) {
      if (!ascending(movieIds, offsets[row], offsets[row + 1])) {
        sortByMovie(movieIds, ratings, offsets[row], offsets[row + 1]);
      }
    }
    return new TrainedRatings(users, offsets, movieIds, ratings);
  }

  private static boolean ascending(int[] values, int from, int to) {
    for (int k = from + 1; k < to; k++) {
      if (values[k] <= values[k - 1]) {
        return false;
      }
    }
    return true;
  }

  private static void sortByMovie(int[] movieIds, float[] ratings, int from, int to) {
    long[] packed = new long[to - from];
    for (int k = from; k < to; k++) {
      packed[k - from] =
          ((long) movieIds[k] << 32) | (Float.floatToRawIntBits(ratings[k]) & 0xffffffffL);
    }
    Arrays.sort(packed);
    for (int k = from; k < to; k++) {
      movieIds[k] = (int) (packed[k - from] >> 32);
      ratings[k] = Float.intBitsToFloat((int) packed[k - from]);
    }
  }

  IdIndex users() {
    return users;
  }

  /** The user's training ratings; empty for a user the model was not trained on. */
  Optional<UserHistory> historyOf(int userId) {
    int userRow = users.rowOf(userId);
    if (userRow < 0) {
      return Optional.empty();
    }
    return Optional.of(
        UserHistory.ofAscending(
            userId,
            Arrays.copyOfRange(movieIds, offsets[userRow], offsets[userRow + 1]),
            Arrays.copyOfRange(ratings, offsets[userRow], offsets[userRow + 1])));
  }

  /** How many ratings each movie has, by {@code movies} row (movies it lacks count 0). */
  float[] ratingCounts(IdIndex movies) {
    float[] counts = new float[movies.size()];
    if (movies.size() == 0) {
      return counts;
    }
    int maxId = movies.idAt(movies.size() - 1);
    if (movies.idAt(0) >= 0 && maxId < (1 << 24)) {
      // MovieLens ids are small: a table from id to row beats 25M binary searches
      int[] rowById = new int[maxId + 1];
      Arrays.fill(rowById, -1);
      for (int row = 0; row < movies.size(); row++) {
        rowById[movies.idAt(row)] = row;
      }
      for (int movieId : movieIds) {
        int movieRow = movieId >= 0 && movieId <= maxId ? rowById[movieId] : -1;
        if (movieRow >= 0) {
          counts[movieRow]++;
        }
      }
      return counts;
    }
    for (int movieId : movieIds) {
      int movieRow = movies.rowOf(movieId);
      if (movieRow >= 0) {
        counts[movieRow]++;
      }
    }
    return counts;
  }
}

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
    IdIndex users = IdIndex.of(data.ratingUserIds());
    int n = data.ratingCount();
    int[] userRows = new int[n];
    int[] offsets = new int[users.size() + 1];
    for (int k = 0; k < n; k++) {
      userRows[k] = users.rowOf(data.ratingUserIds()[k]);
      offsets[userRows[k] + 1]++;
    }
    for (int row = 0; row < users.size(); row++) {
      offsets[row + 1] += offsets[row];
    }
    // bucket by user; within a user, sort by movieId (a user's ratings are few, a sort is cheap)
    int[] next = offsets.clone();
    long[] packed = new long[n];
    for (int k = 0; k < n; k++) {
      packed[next[userRows[k]]++] =
          ((long) data.ratingMovieIds()[k] << 32)
              | (Float.floatToRawIntBits(data.ratings()[k]) & 0xffffffffL);
    }
    int[] movieIds = new int[n];
    float[] ratings = new float[n];
    for (int row = 0; row < users.size(); row++) {
      Arrays.sort(packed, offsets[row], offsets[row + 1]);
      for (int k = offsets[row]; k < offsets[row + 1]; k++) {
        movieIds[k] = (int) (packed[k] >> 32);
        ratings[k] = Float.intBitsToFloat((int) packed[k]);
      }
    }
    return new TrainedRatings(users, offsets, movieIds, ratings);
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
    for (int movieId : movieIds) {
      int movieRow = movies.rowOf(movieId);
      if (movieRow >= 0) {
        counts[movieRow]++;
      }
    }
    return counts;
  }
}

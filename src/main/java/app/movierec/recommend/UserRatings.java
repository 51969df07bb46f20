package app.movierec.recommend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every user's ratings by movieId, compact (CSR over userRows), immutable; for content profiles and
 * explanations.
 */
public final class UserRatings {

  private final IdIndex users;
  private final int[] offsets;
  private final int[] movieIds;
  private final float[] ratings;

  private UserRatings(IdIndex users, int[] offsets, int[] movieIds, float[] ratings) {
    this.users = users;
    this.offsets = offsets;
    this.movieIds = movieIds;
    this.ratings = ratings;
  }

  public static UserRatings of(TrainingData data) {
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
    int[] next = offsets.clone();
    int[] movieIds = new int[n];
    float[] ratings = new float[n];
    for (int k = 0; k < n; k++) {
      int slot = next[userRows[k]]++;
      movieIds[slot] = data.ratingMovieIds()[k];
      ratings[slot] = data.ratings()[k];
    }
    return new UserRatings(users, offsets, movieIds, ratings);
  }

  public IdIndex users() {
    return users;
  }

  public boolean knowsUser(long userId) {
    return users.contains(userId);
  }

  /** The user's ratings by movieId (in input order); empty for an unknown user. */
  public Optional<Map<Long, Double>> ratingsOf(long userId) {
    int userRow = users.rowOf(userId);
    if (userRow < 0) {
      return Optional.empty();
    }
    Map<Long, Double> result = new LinkedHashMap<>();
    for (int k = offsets[userRow]; k < offsets[userRow + 1]; k++) {
      result.put((long) movieIds[k], (double) ratings[k]);
    }
    return Optional.of(result);
  }
}

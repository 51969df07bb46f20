package app.movierec.recommend.eval;

import app.movierec.common.TrainingData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A per-user random hold-out: each user's ratings are shuffled with a seeded generator and {@code
 * round(testFraction * n)} of them (at most {@code n - 1}, so every user keeps a training rating)
 * go to the test set. Every test rating counts as relevant, whatever its stars.
 *
 * @param train the training ratings (catalogue, tags and genome unchanged)
 * @param testMovieIdsByUserId the held-out movieIds of each user with at least one
 */
public record TrainTestSplit(TrainingData train, Map<Integer, Set<Integer>> testMovieIdsByUserId) {

  public static TrainTestSplit of(TrainingData data, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException(
          "test fraction must lie strictly between 0 and 1, got " + testFraction);
    }
    TreeMap<Integer, List<Integer>> ratingsByUser = new TreeMap<>();
    int[] userIds = data.ratingUserIds();
    for (int k = 0; k < userIds.length; k++) {
      ratingsByUser.computeIfAbsent(userIds[k], id -> new ArrayList<>()).add(k);
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] isTest = new boolean[userIds.length];
    Map<Integer, Set<Integer>> test = new TreeMap<>();
    for (var entry : ratingsByUser.entrySet()) {
      int[] ratingIndexes = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
      // Fisher-Yates with the one seeded stream, users in ascending order: reproducible
      for (int i = ratingIndexes.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = ratingIndexes[i];
        ratingIndexes[i] = ratingIndexes[j];
        ratingIndexes[j] = swap;
      }
      int testCount =
          (int) Math.min(Math.round(testFraction * ratingIndexes.length), ratingIndexes.length - 1);
      if (testCount <= 0) {
        continue;
      }
      Set<Integer> movies = new HashSet<>();
      for (int i = 0; i < testCount; i++) {
        isTest[ratingIndexes[i]] = true;
        movies.add(data.ratingMovieIds()[ratingIndexes[i]]);
      }
      test.put(entry.getKey(), Set.copyOf(movies));
    }
    int trainCount = userIds.length - (int) countTrue(isTest);
    int[] trainUsers = new int[trainCount];
    int[] trainMovies = new int[trainCount];
    float[] trainRatings = new float[trainCount];
    int next = 0;
    for (int k = 0; k < userIds.length; k++) {
      if (!isTest[k]) {
        trainUsers[next] = userIds[k];
        trainMovies[next] = data.ratingMovieIds()[k];
        trainRatings[next] = data.ratings()[k];
        next++;
      }
    }
    String fingerprint = data.fingerprint() + "-train-" + testFraction + "-" + seed;
    return new TrainTestSplit(
        data.withRatings(fingerprint, trainUsers, trainMovies, trainRatings), Map.copyOf(test));
  }

  private static long countTrue(boolean[] flags) {
    long count = 0;
    for (boolean flag : flags) {
      if (flag) {
        count++;
      }
    }
    return count;
  }

  @Override
  public String toString() {
    return "TrainTestSplit[train="
        + train.ratingCount()
        + " ratings, test users="
        + testMovieIdsByUserId.size()
        + "]";
  }

  /** The held-out movieIds of a user (empty for a user without any). */
  public Set<Integer> testMovieIds(int userId) {
    return testMovieIdsByUserId.getOrDefault(userId, Set.of());
  }

  /** The users with held-out movies, ascending. */
  public List<Integer> testUsers() {
    List<Integer> users = new ArrayList<>(testMovieIdsByUserId.keySet());
    users.sort(null);
    return users;
  }
}

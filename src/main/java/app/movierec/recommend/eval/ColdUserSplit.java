package app.movierec.recommend.eval;

import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The cold-start protocol's split: new users who have rated only {@code given} movies, as a visitor
 * of the app is. A seeded random {@code coldUserFraction} of the users with more than {@code given}
 * ratings are left out of training entirely; each keeps {@code given} random ratings as what they
 * told us ({@link #given}, anonymous histories), and the rest of their ratings are the test set
 * (all relevant).
 *
 * @param train the other users' ratings (catalogue, tags and genome unchanged)
 * @param given the ratings each cold user told us, by userId
 * @param test each cold user's held-out movieIds
 */
public record ColdUserSplit(
    TrainingData train, Map<Integer, UserHistory> given, Map<Integer, Set<Integer>> test) {

  public static ColdUserSplit of(TrainingData data, int given, double coldUserFraction, long seed) {
    if (given < 1) {
      throw new IllegalArgumentException("given must be at least 1, got " + given);
    }
    if (!(coldUserFraction > 0 && coldUserFraction < 1)) {
      throw new IllegalArgumentException("cold user fraction must lie strictly between 0 and 1");
    }
    TreeMap<Integer, List<Integer>> ratingsByUser = new TreeMap<>();
    for (int r = 0; r < data.ratingCount(); r++) {
      ratingsByUser.computeIfAbsent(data.ratingUserIds()[r], id -> new ArrayList<>()).add(r);
    }
    List<Integer> eligible = new ArrayList<>();
    ratingsByUser.forEach(
        (userId, ratings) -> {
          if (ratings.size() > given) {
            eligible.add(userId);
          }
        });
    SplittableRandom random = new SplittableRandom(seed);
    shuffle(eligible, random);
    Set<Integer> cold =
        new HashSet<>(eligible.subList(0, (int) Math.round(coldUserFraction * eligible.size())));

    Map<Integer, UserHistory> told = new TreeMap<>();
    Map<Integer, Set<Integer>> test = new TreeMap<>();
    int trainCount = 0;
    for (var entry : ratingsByUser.entrySet()) {
      if (!cold.contains(entry.getKey())) {
        trainCount += entry.getValue().size();
        continue;
      }
      List<Integer> ratings = new ArrayList<>(entry.getValue());
      shuffle(ratings, random);
      UserHistory.Builder history = UserHistory.builder(UserHistory.ANONYMOUS);
      Set<Integer> held = new HashSet<>();
      for (int i = 0; i < ratings.size(); i++) {
        int movieId = data.ratingMovieIds()[ratings.get(i)];
        if (i < given) {
          history.rate(movieId, data.ratings()[ratings.get(i)]);
        } else {
          held.add(movieId);
        }
      }
      told.put(entry.getKey(), history.build());
      test.put(entry.getKey(), Set.copyOf(held));
    }
    int[] users = new int[trainCount];
    int[] movies = new int[trainCount];
    float[] stars = new float[trainCount];
    int next = 0;
    for (int r = 0; r < data.ratingCount(); r++) {
      if (!cold.contains(data.ratingUserIds()[r])) {
        users[next] = data.ratingUserIds()[r];
        movies[next] = data.ratingMovieIds()[r];
        stars[next] = data.ratings()[r];
        next++;
      }
    }
    TrainingData train =
        data.withRatings(data.fingerprint() + "-cold-" + given + "-" + seed, users, movies, stars);
    return new ColdUserSplit(train, Map.copyOf(told), Map.copyOf(test));
  }

  /** The cold users, ascending. */
  public List<Integer> coldUsers() {
    List<Integer> users = new ArrayList<>(test.keySet());
    users.sort(null);
    return users;
  }

  private static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = list.get(i);
      list.set(i, list.get(j));
      list.set(j, swap);
    }
  }
}

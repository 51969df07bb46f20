package app.movierec.recommend.eval;

import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Validation data carved from training data, for choosing a model's settings without touching any
 * test data: a seeded sample of users hold out a random share of their ratings ({@link #heldOut});
 * the rest of their ratings stay in the training part, as the held-out users of an evaluation do,
 * and are also kept in a random order ({@link #known}) so that shorter histories ({@link #history})
 * can be drawn from them as a newer user of that activity would look. The other users' ratings
 * (optionally a sample of them, to bound the cost on very large data) complete the training part.
 *
 * @param train what the validation model trains on
 * @param known each validation user's told ratings (movieIds and stars), in random order
 * @param heldOut each validation user's held-out movies (all relevant)
 */
public record ValidationSplit(
    TrainingData train, Map<Integer, Known> known, Map<Integer, Set<Integer>> heldOut) {

  /** A validation user's told ratings, in random order. */
  public record Known(int[] movieIds, float[] ratings) {

    public int size() {
      return movieIds.length;
    }
  }

  /**
   * @param userFraction share of the users with at least {@code minRatings} ratings to validate on
   * @param maxUsers at most this many validation users
   * @param heldOutFraction share of each validation user's ratings held out
   * @param maxTrainingRatings the training part is a sample of the other users with about this many
   *     ratings at most (0: no limit)
   */
  public static ValidationSplit of(
      TrainingData data,
      double userFraction,
      int maxUsers,
      int minRatings,
      double heldOutFraction,
      long maxTrainingRatings,
      long seed) {
    TreeMap<Integer, List<Integer>> ratingsByUser = new TreeMap<>();
    for (int r = 0; r < data.ratingCount(); r++) {
      ratingsByUser.computeIfAbsent(data.ratingUserIds()[r], id -> new ArrayList<>()).add(r);
    }
    List<Integer> eligible = new ArrayList<>();
    ratingsByUser.forEach(
        (userId, ratings) -> {
          if (ratings.size() >= minRatings) {
            eligible.add(userId);
          }
        });
    SplittableRandom random = new SplittableRandom(seed);
    shuffle(eligible, random);
    int count = (int) Math.min(maxUsers, Math.round(userFraction * eligible.size()));
    Set<Integer> validation = new HashSet<>(eligible.subList(0, count));
    Set<Long> heldOutPairs = new HashSet<>();

    Map<Integer, Known> known = new TreeMap<>();
    Map<Integer, Set<Integer>> heldOut = new TreeMap<>();
    List<Integer> others = new ArrayList<>();
    long otherRatings = 0;
    for (var entry : ratingsByUser.entrySet()) {
      if (!validation.contains(entry.getKey())) {
        others.add(entry.getKey());
        otherRatings += entry.getValue().size();
        continue;
      }
      List<Integer> ratings = new ArrayList<>(entry.getValue());
      shuffle(ratings, random);
      int held = (int) Math.max(1, Math.round(heldOutFraction * ratings.size()));
      Set<Integer> test = new HashSet<>();
      for (int i = 0; i < held; i++) {
        test.add(data.ratingMovieIds()[ratings.get(i)]);
        heldOutPairs.add(pair(entry.getKey(), data.ratingMovieIds()[ratings.get(i)]));
      }
      int[] movies = new int[ratings.size() - held];
      float[] stars = new float[movies.length];
      for (int i = held; i < ratings.size(); i++) {
        movies[i - held] = data.ratingMovieIds()[ratings.get(i)];
        stars[i - held] = data.ratings()[ratings.get(i)];
      }
      known.put(entry.getKey(), new Known(movies, stars));
      heldOut.put(entry.getKey(), Set.copyOf(test));
    }
    Set<Integer> trainingUsers = new HashSet<>(others);
    trainingUsers.addAll(validation);
    if (maxTrainingRatings > 0 && otherRatings > maxTrainingRatings) {
      shuffle(others, random);
      trainingUsers.clear();
      trainingUsers.addAll(validation);
      long kept = 0;
      for (int userId : others) {
        if (kept >= maxTrainingRatings) {
          break;
        }
        trainingUsers.add(userId);
        kept += ratingsByUser.get(userId).size();
      }
    }
    int[] users = new int[data.ratingCount()];
    int[] movies = new int[data.ratingCount()];
    float[] stars = new float[data.ratingCount()];
    int next = 0;
    for (int r = 0; r < data.ratingCount(); r++) {
      if (trainingUsers.contains(data.ratingUserIds()[r])
          && !heldOutPairs.contains(pair(data.ratingUserIds()[r], data.ratingMovieIds()[r]))) {
        users[next] = data.ratingUserIds()[r];
        movies[next] = data.ratingMovieIds()[r];
        stars[next] = data.ratings()[r];
        next++;
      }
    }
    TrainingData train =
        data.withRatings(
            data.fingerprint() + "-validation-" + seed,
            Arrays.copyOf(users, next),
            Arrays.copyOf(movies, next),
            Arrays.copyOf(stars, next));
    return new ValidationSplit(train, Map.copyOf(known), Map.copyOf(heldOut));
  }

  /** The validation users, ascending. */
  public List<Integer> users() {
    List<Integer> users = new ArrayList<>(known.keySet());
    users.sort(null);
    return users;
  }

  /**
   * The first {@code size} known ratings of a validation user: all of them, as that user's history
   * (what the validation model was trained with), when {@code size} is at least their number;
   * otherwise as an anonymous history (a newer user with fewer ratings).
   */
  public UserHistory history(int userId, int size) {
    Known told = known.get(userId);
    UserHistory.Builder history =
        UserHistory.builder(size >= told.size() ? userId : UserHistory.ANONYMOUS);
    for (int i = 0; i < Math.min(size, told.size()); i++) {
      history.rate(told.movieIds()[i], told.ratings()[i]);
    }
    return history.build();
  }

  private static long pair(int userId, int movieId) {
    return ((long) userId << 32) | (movieId & 0xffffffffL);
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

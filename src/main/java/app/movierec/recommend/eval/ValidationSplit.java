package app.movierec.recommend.eval;

import app.movierec.common.IdIndex;
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
    // each user's rating indexes in their original order (CSR by userRow, users ascending): the
    // grouping a TreeMap of boxed lists would give, without 25 million boxed Integers
    int[] userIds = data.ratingUserIds();
    IdIndex users = IdIndex.of(userIds);
    int[] userRowOfRating = new int[userIds.length];
    int[] offsets = new int[users.size() + 1];
    for (int r = 0; r < userIds.length; r++) {
      userRowOfRating[r] =
          r > 0 && userIds[r] == userIds[r - 1] ? userRowOfRating[r - 1] : users.rowOf(userIds[r]);
      offsets[userRowOfRating[r] + 1]++;
    }
    for (int row = 0; row < users.size(); row++) {
      offsets[row + 1] += offsets[row];
    }
    int[] ratingsOfUsers = new int[userIds.length];
    int[] fill = Arrays.copyOf(offsets, users.size());
    for (int r = 0; r < userIds.length; r++) {
      ratingsOfUsers[fill[userRowOfRating[r]]++] = r;
    }
    fill = null;

    int[] eligible = new int[users.size()];
    int eligibleCount = 0;
    for (int row = 0; row < users.size(); row++) {
      if (offsets[row + 1] - offsets[row] >= minRatings) {
        eligible[eligibleCount++] = users.idAt(row);
      }
    }
    eligible = Arrays.copyOf(eligible, eligibleCount);
    SplittableRandom random = new SplittableRandom(seed);
    shuffle(eligible, random);
    int count = (int) Math.min(maxUsers, Math.round(userFraction * eligible.length));
    boolean[] isValidation = new boolean[users.size()];
    for (int i = 0; i < count; i++) {
      isValidation[users.rowOf(eligible[i])] = true;
    }
    Set<Long> heldOutPairs = new HashSet<>();

    Map<Integer, Known> known = new TreeMap<>();
    Map<Integer, Set<Integer>> heldOut = new TreeMap<>();
    int[] others = new int[users.size()];
    int otherCount = 0;
    long otherRatings = 0;
    for (int row = 0; row < users.size(); row++) {
      int userId = users.idAt(row);
      if (!isValidation[row]) {
        others[otherCount++] = userId;
        otherRatings += offsets[row + 1] - offsets[row];
        continue;
      }
      int[] ratings = Arrays.copyOfRange(ratingsOfUsers, offsets[row], offsets[row + 1]);
      shuffle(ratings, random);
      int held = (int) Math.max(1, Math.round(heldOutFraction * ratings.length));
      Set<Integer> test = new HashSet<>();
      for (int i = 0; i < held; i++) {
        test.add(data.ratingMovieIds()[ratings[i]]);
        heldOutPairs.add(pair(userId, data.ratingMovieIds()[ratings[i]]));
      }
      int[] movies = new int[ratings.length - held];
      float[] stars = new float[movies.length];
      for (int i = held; i < ratings.length; i++) {
        movies[i - held] = data.ratingMovieIds()[ratings[i]];
        stars[i - held] = data.ratings()[ratings[i]];
      }
      known.put(userId, new Known(movies, stars));
      heldOut.put(userId, Set.copyOf(test));
    }
    others = Arrays.copyOf(others, otherCount);
    boolean[] training = new boolean[users.size()];
    for (int userId : others) {
      training[users.rowOf(userId)] = true;
    }
    if (maxTrainingRatings > 0 && otherRatings > maxTrainingRatings) {
      shuffle(others, random);
      Arrays.fill(training, false);
      long kept = 0;
      for (int userId : others) {
        if (kept >= maxTrainingRatings) {
          break;
        }
        int row = users.rowOf(userId);
        training[row] = true;
        kept += offsets[row + 1] - offsets[row];
      }
    }
    for (int row = 0; row < users.size(); row++) {
      training[row] |= isValidation[row];
    }
    int[] trainUsers = new int[data.ratingCount()];
    int[] trainMovies = new int[data.ratingCount()];
    float[] trainStars = new float[data.ratingCount()];
    int next = 0;
    for (int r = 0; r < data.ratingCount(); r++) {
      int row = userRowOfRating[r];
      if (training[row]
          && !(isValidation[row]
              && heldOutPairs.contains(pair(userIds[r], data.ratingMovieIds()[r])))) {
        trainUsers[next] = userIds[r];
        trainMovies[next] = data.ratingMovieIds()[r];
        trainStars[next] = data.ratings()[r];
        next++;
      }
    }
    TrainingData train =
        data.withRatings(
            data.fingerprint() + "-validation-" + seed,
            Arrays.copyOf(trainUsers, next),
            Arrays.copyOf(trainMovies, next),
            Arrays.copyOf(trainStars, next));
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

  /** Fisher-Yates with the one seeded stream: reproducible. */
  private static void shuffle(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}

package app.movierec.recommend.eval;

import app.movierec.common.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The cold-movie protocol's split: a seeded random share of the rated movies is held out with all
 * of their ratings, as if nobody had rated them yet; they stay in the catalogue with their content.
 * Each user's test set is the held-out movies they rated; a model is asked to rank the held-out
 * movies only ("which of the new movies would this user like").
 *
 * @param train every rating of the other movies
 * @param coldMovies the held-out movies, ascending
 * @param test each user's held-out movies (users who rated none are left out)
 */
public record ColdMovieSplit(
    TrainingData train, int[] coldMovies, Map<Integer, Set<Integer>> test) {

  public static ColdMovieSplit of(TrainingData data, double movieFraction, long seed) {
    if (!(movieFraction > 0 && movieFraction < 1)) {
      throw new IllegalArgumentException(
          "cold movie fraction must lie strictly between 0 and 1, got " + movieFraction);
    }
    int[] rated = Arrays.stream(data.ratingMovieIds()).distinct().sorted().toArray();
    List<Integer> order = new ArrayList<>(rated.length);
    for (int movieId : rated) {
      order.add(movieId);
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order.get(i);
      order.set(i, order.get(j));
      order.set(j, swap);
    }
    Set<Integer> cold =
        new HashSet<>(
            order.subList(0, (int) Math.max(1, Math.round(movieFraction * rated.length))));
    Map<Integer, Set<Integer>> test = new TreeMap<>();
    int[] users = new int[data.ratingCount()];
    int[] movies = new int[data.ratingCount()];
    float[] stars = new float[data.ratingCount()];
    int next = 0;
    for (int r = 0; r < data.ratingCount(); r++) {
      int movieId = data.ratingMovieIds()[r];
      if (cold.contains(movieId)) {
        test.computeIfAbsent(data.ratingUserIds()[r], id -> new HashSet<>()).add(movieId);
      } else {
        users[next] = data.ratingUserIds()[r];
        movies[next] = movieId;
        stars[next] = data.ratings()[r];
        next++;
      }
    }
    test.replaceAll((userId, movieIds) -> Set.copyOf(movieIds));
    TrainingData train =
        data.withRatings(
            data.fingerprint() + "-cold-movies-" + movieFraction + "-" + seed,
            Arrays.copyOf(users, next),
            Arrays.copyOf(movies, next),
            Arrays.copyOf(stars, next));
    int[] coldMovies = cold.stream().mapToInt(Integer::intValue).sorted().toArray();
    return new ColdMovieSplit(train, coldMovies, Map.copyOf(test));
  }

  /** The users with held-out movies who still have training ratings, ascending. */
  public List<Integer> testUsers() {
    Set<Integer> trained = new HashSet<>();
    for (int userId : train.ratingUserIds()) {
      trained.add(userId);
    }
    List<Integer> users = new ArrayList<>();
    for (int userId : test.keySet()) {
      if (trained.contains(userId)) {
        users.add(userId);
      }
    }
    users.sort(null);
    return users;
  }
}

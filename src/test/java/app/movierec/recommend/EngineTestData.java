package app.movierec.recommend;

import app.movierec.SharedDatasets;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic data sets with known answers, and the location of the shared real data, for the
 * engine's tests.
 */
public final class EngineTestData {

  public static final int CHECKERBOARD_USERS = 20;
  public static final int CHECKERBOARD_MOVIES = 20;

  private EngineTestData() {}

  /**
   * Users 1..20 and movies 1..20: even users rate every even movie 5 stars, odd users every odd
   * movie, except one withheld movie per user ({@link #withheldMovie(int)}). Even movies are
   * "Drama", odd ones "Comedy".
   */
  public static TrainingData checkerboard() {
    List<Integer> users = new ArrayList<>();
    List<Integer> movies = new ArrayList<>();
    for (int userId = 1; userId <= CHECKERBOARD_USERS; userId++) {
      for (int movieId = 1; movieId <= CHECKERBOARD_MOVIES; movieId++) {
        if (movieId % 2 == userId % 2 && movieId != withheldMovie(userId)) {
          users.add(userId);
          movies.add(movieId);
        }
      }
    }
    float[] ratings = new float[users.size()];
    java.util.Arrays.fill(ratings, 5f);
    int[] movieIds = new int[CHECKERBOARD_MOVIES];
    List<List<String>> genres = new ArrayList<>();
    for (int movieId = 1; movieId <= CHECKERBOARD_MOVIES; movieId++) {
      movieIds[movieId - 1] = movieId;
      genres.add(List.of(movieId % 2 == 0 ? "Drama" : "Comedy"));
    }
    return new TrainingData(
        "checkerboard",
        movieIds,
        genres,
        Map.of(),
        Map.of(),
        users.stream().mapToInt(Integer::intValue).toArray(),
        movies.stream().mapToInt(Integer::intValue).toArray(),
        ratings,
        List.of());
  }

  /**
   * The checkerboard plus two movies nobody rated: 21 (a "Comedy", like the odd movies) and 22 (a
   * "Drama", like the even ones).
   */
  public static TrainingData checkerboardWithNewMovies() {
    TrainingData board = checkerboard();
    int[] movieIds = java.util.Arrays.copyOf(board.movieIds(), CHECKERBOARD_MOVIES + 2);
    movieIds[CHECKERBOARD_MOVIES] = CHECKERBOARD_MOVIES + 1;
    movieIds[CHECKERBOARD_MOVIES + 1] = CHECKERBOARD_MOVIES + 2;
    List<List<String>> genres = new ArrayList<>(board.genres());
    genres.add(List.of("Comedy"));
    genres.add(List.of("Drama"));
    return new TrainingData(
        "checkerboard-with-new-movies",
        movieIds,
        genres,
        Map.of(),
        Map.of(),
        board.ratingUserIds(),
        board.ratingMovieIds(),
        board.ratings(),
        List.of());
  }

  /** All of a user's ratings in {@code data}, as that user's history. */
  public static UserHistory historyOf(TrainingData data, int userId) {
    UserHistory.Builder history = UserHistory.builder(userId);
    for (int k = 0; k < data.ratingCount(); k++) {
      if (data.ratingUserIds()[k] == userId) {
        history.rate(data.ratingMovieIds()[k], data.ratings()[k]);
      }
    }
    return history.build();
  }

  /** Ratings given as movieId, stars, movieId, stars... by nobody in particular. */
  public static UserHistory anonymous(double... movieIdsAndStars) {
    UserHistory.Builder history = UserHistory.builder(UserHistory.ANONYMOUS);
    for (int i = 0; i + 1 < movieIdsAndStars.length; i += 2) {
      history.rate((int) movieIdsAndStars[i], movieIdsAndStars[i + 1]);
    }
    return history.build();
  }

  /** The one movie of the user's own parity that the checkerboard leaves out. */
  public static int withheldMovie(int userId) {
    // walk through the ten movies of the user's parity as users go up
    int parity = userId % 2;
    int position = ((userId - 1) / 2) % (CHECKERBOARD_MOVIES / 2);
    return 2 * position + (parity == 0 ? 2 : 1);
  }

  /**
   * A random long-tail data set: {@code users} users rate movies drawn with Zipf-like popularity,
   * ratings 1..5, plus genres from a small pool and genome vectors for the first {@code
   * genomeMovies} movies.
   */
  public static TrainingData randomLongTail(
      int users, int movies, int ratingsPerUser, int genomeMovies, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] cumulative = new double[movies];
    double total = 0;
    for (int m = 0; m < movies; m++) {
      total += 1.0 / Math.pow(m + 1, 0.8);
      cumulative[m] = total;
    }
    List<int[]> pairs = new ArrayList<>();
    List<Float> stars = new ArrayList<>();
    for (int userId = 1; userId <= users; userId++) {
      java.util.Set<Integer> seen = new java.util.HashSet<>();
      while (seen.size() < Math.min(ratingsPerUser, movies)) {
        double draw = random.nextDouble() * total;
        int index = java.util.Arrays.binarySearch(cumulative, draw);
        int movieId = (index >= 0 ? index : -index - 1) + 1;
        if (seen.add(movieId)) {
          pairs.add(new int[] {userId, movieId});
          stars.add((float) (1 + random.nextInt(9) * 0.5));
        }
      }
    }
    String[] pool = {"Action", "Comedy", "Drama", "Horror", "Romance", "Sci-Fi"};
    int[] movieIds = new int[movies];
    List<List<String>> genres = new ArrayList<>();
    Map<Integer, float[]> genome = new HashMap<>();
    for (int m = 0; m < movies; m++) {
      movieIds[m] = m + 1;
      genres.add(List.of(pool[m % pool.length], pool[(m / pool.length) % pool.length]));
      if (m < genomeMovies) {
        float[] vector = new float[8];
        for (int d = 0; d < vector.length; d++) {
          vector[d] = (float) random.nextDouble();
        }
        genome.put(m + 1, vector);
      }
    }
    float[] ratings = new float[stars.size()];
    for (int k = 0; k < ratings.length; k++) {
      ratings[k] = stars.get(k);
    }
    return new TrainingData(
        "random-" + seed,
        movieIds,
        genres,
        Map.of(1, List.of("classic", "Classic"), 2, List.of("classic")),
        genome,
        pairs.stream().mapToInt(p -> p[0]).toArray(),
        pairs.stream().mapToInt(p -> p[1]).toArray(),
        ratings,
        List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8"));
  }

  /**
   * The shared MovieLens folder ({@code movierec.shared-datasets}, default {@code
   * ../shared/datasets/movielens}). When it is missing the calling test fails if env {@code CI} is
   * set (CI must have it) and is skipped otherwise.
   */
  public static Path sharedDatasets() {
    return SharedDatasets.mlLatestSmall().getParent();
  }
}

package app.movierec.recommend.eval;

import app.movierec.recommend.BlendWeights;
import app.movierec.recommend.MovieScore;
import app.movierec.recommend.ScoredMovie;
import app.movierec.recommend.TrainingData;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.content.ContentModel;
import app.movierec.recommend.hybrid.HybridRecommender;
import app.movierec.recommend.hybrid.UserScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The cold-start protocol: new users who have rated only {@code given} movies, as a visitor of the
 * app is. A seeded random {@code coldUserFraction} of the users with more than {@code given}
 * ratings are left out of training entirely; each keeps {@code given} random ratings as what they
 * told us, and the rest of their ratings are the test set (all relevant). ALS is trained on the
 * other users; a cold user's ALS vector is a fold-in of the given ratings and their content profile
 * is built from the same ratings, exactly as the app serves visitors. Lists never contain the given
 * movies.
 */
public final class ColdStartComparison {

  private ColdStartComparison() {}

  /** Results in the order popularity, als, content, hybrid@w for each weight. */
  public record Report(
      List<Evaluator.Result> results, int coldUsers, int trainingUsers, long alsTrainingMillis) {}

  public static Report run(
      TrainingData data,
      int given,
      double coldUserFraction,
      long seed,
      AlsConfig config,
      int k,
      double[] alsWeights) {
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

    Map<Long, Map<Long, Double>> givenByUser = new TreeMap<>();
    Map<Long, Set<Long>> test = new TreeMap<>();
    int trainCount = 0;
    for (var entry : ratingsByUser.entrySet()) {
      if (!cold.contains(entry.getKey())) {
        trainCount += entry.getValue().size();
        continue;
      }
      List<Integer> ratings = new ArrayList<>(entry.getValue());
      shuffle(ratings, random);
      Map<Long, Double> told = new LinkedHashMap<>();
      Set<Long> held = new HashSet<>();
      for (int i = 0; i < ratings.size(); i++) {
        long movieId = data.ratingMovieIds()[ratings.get(i)];
        if (i < given) {
          told.put(movieId, (double) data.ratings()[ratings.get(i)]);
        } else {
          held.add(movieId);
        }
      }
      givenByUser.put((long) entry.getKey(), told);
      test.put((long) entry.getKey(), Set.copyOf(held));
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
    TrainTestSplit split = new TrainTestSplit(train, Map.copyOf(test));

    long start = System.nanoTime();
    AlsModel als = new AlsTrainer(config).train(train, AlsTrainer.ProgressListener.NONE);
    long trainingMillis = (System.nanoTime() - start) / 1_000_000;
    ContentModel content = ContentModel.build(train);
    HybridRecommender hybrid = new HybridRecommender(als, content);
    PopularityRecommender popularity = new PopularityRecommender(train);

    List<Long> coldUsers = new ArrayList<>(test.keySet());
    List<long[]> popularityLists = new ArrayList<>();
    List<long[]> alsLists = new ArrayList<>();
    List<long[]> contentLists = new ArrayList<>();
    List<List<long[]>> hybridLists = new ArrayList<>();
    for (int w = 0; w < alsWeights.length; w++) {
      hybridLists.add(new ArrayList<>());
    }
    for (long userId : coldUsers) {
      Map<Long, Double> told = givenByUser.get(userId);
      popularityLists.add(
          Arrays.stream(popularity.recommend(userId, k + told.size()))
              .filter(movieId -> !told.containsKey(movieId))
              .limit(k)
              .toArray());
      AlsModel.UserVector alsUser = als.foldIn(told);
      ContentModel.Profile profile = content.profile(told);
      alsLists.add(movieIds(als.recommend(alsUser, k)));
      contentLists.add(movieIds(content.recommend(profile, k)));
      UserScores scores = hybrid.userScores(alsUser, profile);
      for (int w = 0; w < alsWeights.length; w++) {
        List<ScoredMovie> blended =
            hybrid.blend(scores, BlendWeights.ofAlsWeight(alsWeights[w]), k);
        hybridLists.get(w).add(blended.stream().mapToLong(ScoredMovie::movieId).toArray());
      }
    }
    int catalogueSize = train.movieIds().length;
    List<Evaluator.Result> results = new ArrayList<>();
    results.add(
        Evaluator.summarise("popularity", split, k, catalogueSize, coldUsers, popularityLists));
    results.add(Evaluator.summarise("als", split, k, catalogueSize, coldUsers, alsLists));
    results.add(Evaluator.summarise("content", split, k, catalogueSize, coldUsers, contentLists));
    for (int w = 0; w < alsWeights.length; w++) {
      String name = String.format(Locale.ROOT, "hybrid@%.2f", alsWeights[w]);
      results.add(
          Evaluator.summarise(name, split, k, catalogueSize, coldUsers, hybridLists.get(w)));
    }
    Map<Integer, Boolean> trainingUsers = new HashMap<>();
    for (int userId : users) {
      trainingUsers.put(userId, true);
    }
    return new Report(List.copyOf(results), coldUsers.size(), trainingUsers.size(), trainingMillis);
  }

  private static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = list.get(i);
      list.set(i, list.get(j));
      list.set(j, swap);
    }
  }

  private static long[] movieIds(List<MovieScore> scores) {
    return scores.stream().mapToLong(MovieScore::movieId).toArray();
  }
}

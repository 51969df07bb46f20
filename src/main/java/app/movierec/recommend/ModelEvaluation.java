package app.movierec.recommend;

import app.movierec.common.ProgressListener;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TopN;
import app.movierec.common.UserHistory;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.eval.ColdMovieSplit;
import app.movierec.recommend.eval.ColdUserSplit;
import app.movierec.recommend.eval.Evaluator;
import app.movierec.recommend.eval.TrainTestSplit;
import app.movierec.recommend.hybrid.BlendSettings;
import app.movierec.recommend.hybrid.BlendWeights;
import app.movierec.recommend.hybrid.StandardScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The offline protocols: fit a {@link HybridModel} on a split's training part with a {@link
 * HybridTrainer} (exactly as the app does) and score popularity, ALS alone, content alone, the
 * hybrid with the blend it learned on its own validation data ("hybrid") and at each fixed ALS
 * weight on the held-out ratings. Each test user's standardised scores are computed once and
 * re-blended per weight, as the app does when the slider moves.
 */
public final class ModelEvaluation {

  private ModelEvaluation() {}

  /**
   * Results in the order popularity, als, content, hybrid (learned blend), hybrid@w for each
   * weight.
   *
   * @param fitMillis how long fitting the model took
   */
  public record Report(
      List<Evaluator.Result> results, long fitMillis, int trainingUsers, BlendSettings blend) {

    public Evaluator.Result byName(String name) {
      return results.stream()
          .filter(r -> r.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no result named " + name));
    }
  }

  /** The per-user hold-out: each test user's training ratings are their history. */
  public static Report holdout(
      TrainTestSplit split, HybridTrainer trainer, int k, double[] alsWeights) {
    long start = System.nanoTime();
    HybridModel model = trainer.fit(split.train(), ProgressListener.NONE);
    return holdout(split, model, (System.nanoTime() - start) / 1_000_000, k, alsWeights);
  }

  /**
   * As {@link #holdout(TrainTestSplit, HybridTrainer, int, double[])} around ALS factors fitted
   * elsewhere on the split's training ratings (e.g. exported by the Spark job); the content model
   * and the blend are fitted here as the app would.
   */
  public static Report holdout(
      TrainTestSplit split, HybridTrainer trainer, AlsModel als, int k, double[] alsWeights) {
    long start = System.nanoTime();
    BlendSettings blend = trainer.chooseBlend(split.train(), ProgressListener.NONE);
    HybridModel model = trainer.fit(split.train(), als, blend, ProgressListener.NONE);
    return holdout(split, model, (System.nanoTime() - start) / 1_000_000, k, alsWeights);
  }

  private static Report holdout(
      TrainTestSplit split, HybridModel model, long fitMillis, int k, double[] alsWeights) {
    List<Integer> users = split.testUsers();
    List<UserHistory> histories = new ArrayList<>(users.size());
    for (int userId : users) {
      histories.add(model.trainedHistory(userId).orElseThrow());
    }
    return evaluate(
        model, users, histories, split.testMovieIdsByUserId(), k, alsWeights, fitMillis);
  }

  /** The cold-start protocol: each cold user's few given ratings are folded in like a visitor's. */
  public static Report coldUsers(
      ColdUserSplit split, HybridTrainer trainer, int k, double[] alsWeights) {
    long start = System.nanoTime();
    HybridModel model = trainer.fit(split.train(), ProgressListener.NONE);
    long fitMillis = (System.nanoTime() - start) / 1_000_000;
    List<Integer> users = split.coldUsers();
    List<UserHistory> histories = users.stream().map(split.given()::get).toList();
    return evaluate(model, users, histories, split.test(), k, alsWeights, fitMillis);
  }

  private static Report evaluate(
      HybridModel model,
      List<Integer> users,
      List<UserHistory> histories,
      Map<Integer, Set<Integer>> test,
      int k,
      double[] alsWeights,
      long fitMillis) {
    // null: the blend learned for each history's activity
    List<String> names = new ArrayList<>(List.of("popularity", "als", "content", "hybrid"));
    List<BlendWeights> weights =
        new ArrayList<>(Arrays.asList(BlendWeights.ALS_ONLY, BlendWeights.CONTENT_ONLY, null));
    for (double w : alsWeights) {
      names.add(String.format(Locale.ROOT, "hybrid@%.2f", w));
      weights.add(BlendWeights.ofAlsWeight(w));
    }
    List<List<int[]>> lists = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      lists.add(new ArrayList<>(users.size()));
    }
    for (UserHistory history : histories) {
      lists.getFirst().add(movieIds(model.popularity().recommend(history, k)));
      Optional<StandardScores> scores = model.standardScores(history);
      for (int w = 0; w < weights.size(); w++) {
        HybridModel blended =
            weights.get(w) == null ? model.withLearnedWeights() : model.withWeights(weights.get(w));
        lists
            .get(w + 1)
            .add(
                movieIds(
                    scores.isPresent()
                        ? blended.recommend(history, scores.get(), k)
                        : blended.recommend(history, k)));
      }
    }
    int catalogueSize = model.movies().size();
    List<Evaluator.Result> results = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      results.add(Evaluator.summarise(names.get(i), test, k, catalogueSize, users, lists.get(i)));
    }
    return new Report(List.copyOf(results), fitMillis, model.userCount(), model.blend());
  }

  /**
   * The cold-movie protocol: movies nobody rated in training (their ALS factors mapped from their
   * content), ranked among themselves for each user who rated some of them. Results for popularity
   * (which knows nothing of new movies: every one has no rating, so it ranks them in a seeded
   * random order; by movieId instead it would profit from MovieLens ids following the catalogue's
   * age), content, ALS (mapped factors) and the hybrid with its learned blend.
   */
  public static Report coldMovies(ColdMovieSplit split, HybridTrainer trainer, int k) {
    long start = System.nanoTime();
    HybridModel model = trainer.fit(split.train(), ProgressListener.NONE);
    long fitMillis = (System.nanoTime() - start) / 1_000_000;
    List<String> names = List.of("popularity", "als", "content", "hybrid");
    List<MovieRecommender> recommenders =
        List.of(
            model.popularity(),
            model.withWeights(BlendWeights.ALS_ONLY),
            model.withWeights(BlendWeights.CONTENT_ONLY),
            model.withLearnedWeights());
    int[] coldRows = new int[split.coldMovies().length];
    for (int i = 0; i < coldRows.length; i++) {
      coldRows[i] = model.movies().rowOf(split.coldMovies()[i]);
    }
    List<Integer> users = split.testUsers();
    List<List<int[]>> lists = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      lists.add(new ArrayList<>(users.size()));
    }
    SplittableRandom ties = new SplittableRandom(split.coldMovies().length);
    for (int userId : users) {
      UserHistory history = model.trainedHistory(userId).orElseThrow();
      for (int r = 0; r < recommenders.size(); r++) {
        float[] scores = recommenders.get(r).scores(history);
        float[] coldScores = new float[coldRows.length];
        for (int i = 0; i < coldRows.length; i++) {
          coldScores[i] = coldRows[i] >= 0 ? scores[coldRows[i]] : Float.NaN;
          if (r == 0) {
            coldScores[i] += (float) ties.nextDouble(); // counts are all 0: a random order
          }
        }
        int[] best = TopN.select(coldScores, null, k);
        int[] movieIds = new int[best.length];
        for (int i = 0; i < best.length; i++) {
          movieIds[i] = split.coldMovies()[best[i]];
        }
        lists.get(r).add(movieIds);
      }
    }
    List<Evaluator.Result> results = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      results.add(
          Evaluator.summarise(
              names.get(i), split.test(), k, split.coldMovies().length, users, lists.get(i)));
    }
    return new Report(List.copyOf(results), fitMillis, model.userCount(), model.blend());
  }

  /** The weights 0.0, 0.1, ..., 1.0. */
  public static double[] tenthSteps() {
    double[] weights = new double[11];
    for (int i = 0; i <= 10; i++) {
      weights[i] = i / 10.0;
    }
    return weights;
  }

  private static int[] movieIds(List<ScoredMovie> scores) {
    return scores.stream().mapToInt(ScoredMovie::movieId).toArray();
  }
}

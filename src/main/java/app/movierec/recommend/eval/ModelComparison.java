package app.movierec.recommend.eval;

import app.movierec.recommend.BlendWeights;
import app.movierec.recommend.MovieScore;
import app.movierec.recommend.ScoredMovie;
import app.movierec.recommend.UserRatings;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.content.ContentModel;
import app.movierec.recommend.hybrid.HybridRecommender;
import app.movierec.recommend.hybrid.UserScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The full offline comparison on one split: popularity, ALS, content, and the hybrid at each ALS
 * weight. Each test user's two normalised score vectors are computed once and re-blended per
 * weight, exactly as the service does.
 */
public final class ModelComparison {

  private ModelComparison() {}

  /**
   * Results in the order popularity, als, content, hybrid@w for each weight; also the ALS training
   * time.
   */
  public record Report(List<Evaluator.Result> results, long alsTrainingMillis) {

    public Evaluator.Result byName(String name) {
      return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
  }

  public static Report run(TrainTestSplit split, AlsConfig config, int k, double[] alsWeights) {
    long start = System.nanoTime();
    AlsModel als = new AlsTrainer(config).train(split.train(), AlsTrainer.ProgressListener.NONE);
    long trainingMillis = (System.nanoTime() - start) / 1_000_000;
    return run(split, als, trainingMillis, k, alsWeights);
  }

  /**
   * As {@link #run(TrainTestSplit, AlsConfig, int, double[])} with an ALS model fitted elsewhere on
   * the split's training ratings (e.g. imported from the Spark job); {@code alsTrainingMillis} is
   * reported as given.
   */
  public static Report run(
      TrainTestSplit split, AlsModel als, long alsTrainingMillis, int k, double[] alsWeights) {
    int catalogueSize = split.train().movieIds().length;
    List<Evaluator.Result> results = new ArrayList<>();
    results.add(
        Evaluator.evaluate(
            "popularity", split, k, catalogueSize, new PopularityRecommender(split.train())));
    ContentModel content = ContentModel.build(split.train());
    HybridRecommender hybrid = new HybridRecommender(als, content);
    UserRatings ratings = UserRatings.of(split.train());

    List<Long> users = Evaluator.testUsers(split);
    List<long[]> alsLists = new ArrayList<>();
    List<long[]> contentLists = new ArrayList<>();
    List<List<long[]>> hybridLists = new ArrayList<>();
    for (int w = 0; w < alsWeights.length; w++) {
      hybridLists.add(new ArrayList<>());
    }
    for (long userId : users) {
      Map<Long, Double> userRatings = ratings.ratingsOf(userId).orElseThrow();
      // a model fitted elsewhere may lack a user; fold them in, as the app does for visitors
      AlsModel.UserVector alsUser = als.userVector(userId).orElseGet(() -> als.foldIn(userRatings));
      ContentModel.Profile profile = content.profile(userRatings);
      alsLists.add(movieIds(als.recommend(alsUser, k)));
      contentLists.add(movieIds(content.recommend(profile, k)));
      UserScores scores = hybrid.userScores(alsUser, profile);
      for (int w = 0; w < alsWeights.length; w++) {
        List<ScoredMovie> blended =
            hybrid.blend(scores, BlendWeights.ofAlsWeight(alsWeights[w]), k);
        hybridLists.get(w).add(blended.stream().mapToLong(ScoredMovie::movieId).toArray());
      }
    }
    results.add(Evaluator.summarise("als", split, k, catalogueSize, users, alsLists));
    results.add(Evaluator.summarise("content", split, k, catalogueSize, users, contentLists));
    for (int w = 0; w < alsWeights.length; w++) {
      String name = String.format(java.util.Locale.ROOT, "hybrid@%.2f", alsWeights[w]);
      results.add(Evaluator.summarise(name, split, k, catalogueSize, users, hybridLists.get(w)));
    }
    return new Report(List.copyOf(results), alsTrainingMillis);
  }

  /** The weights 0.0, 0.1, ..., 1.0. */
  public static double[] tenthSteps() {
    double[] weights = new double[11];
    for (int i = 0; i <= 10; i++) {
      weights[i] = i / 10.0;
    }
    return weights;
  }

  private static long[] movieIds(List<MovieScore> scores) {
    return scores.stream().mapToLong(MovieScore::movieId).toArray();
  }
}

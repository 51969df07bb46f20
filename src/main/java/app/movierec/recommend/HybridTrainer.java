package app.movierec.recommend;

import app.movierec.common.ProgressListener;
import app.movierec.common.TrainingData;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.content.ContentModel;
import app.movierec.recommend.hybrid.BlendSettings;
import app.movierec.recommend.hybrid.ColdMovies;
import app.movierec.recommend.hybrid.HybridConfig;

/**
 * Fits a {@link HybridModel}: the one place where "train ALS, build the content model, choose the
 * blend" is written. The web app's lifecycle, the batch commands and the evaluation all fit through
 * it. With {@link HybridConfig#learnWeights()} the blend is chosen on validation data carved from
 * the training data ({@link BlendLearner}), which costs one more, smaller fit.
 */
public final class HybridTrainer {

  private final AlsConfig alsConfig;
  private final HybridConfig hybridConfig;
  private final int threads;

  /** A trainer with the default blend settings, one thread per available core. */
  public HybridTrainer(AlsConfig alsConfig) {
    this(alsConfig, HybridConfig.defaults());
  }

  public HybridTrainer(AlsConfig alsConfig, HybridConfig hybridConfig) {
    this(alsConfig, hybridConfig, Runtime.getRuntime().availableProcessors());
  }

  public HybridTrainer(AlsConfig alsConfig, HybridConfig hybridConfig, int threads) {
    this.alsConfig = alsConfig;
    this.hybridConfig = hybridConfig;
    this.threads = threads;
  }

  public AlsConfig alsConfig() {
    return alsConfig;
  }

  public HybridConfig hybridConfig() {
    return hybridConfig;
  }

  /** Chooses the blend, trains ALS on {@code data} and fits the rest around it. */
  public HybridModel fit(TrainingData data, ProgressListener progress) {
    BlendSettings blend = chooseBlend(data, progress);
    AlsModel als = new AlsTrainer(alsConfig, threads).train(data, progress);
    return fit(data, als, blend, progress);
  }

  /** The blend for {@code data}: learned on validation data, or the configured fixed weight. */
  public BlendSettings chooseBlend(TrainingData data, ProgressListener progress) {
    if (!hybridConfig.learnWeights()) {
      return BlendSettings.fixed(hybridConfig.alsWeight());
    }
    HybridTrainer validationTrainer =
        new HybridTrainer(
            alsConfig, hybridConfig.withFixedWeight(hybridConfig.alsWeight()), threads);
    return new BlendLearner(hybridConfig).learn(data, validationTrainer, progress);
  }

  /**
   * Fits the content model around an ALS model already trained on {@code data} (loaded from disk,
   * or trained elsewhere such as Spark), with a blend already chosen; movies nobody rated get ALS
   * factors mapped from their content ({@link ColdMovies}).
   */
  public HybridModel fit(
      TrainingData data, AlsModel als, BlendSettings blend, ProgressListener progress) {
    progress.progress("Building the content model", -1);
    ContentModel content = ContentModel.build(data);
    progress.progress("Mapping movies nobody rated to ALS factors from their content", -1);
    AlsModel withColdMovies = ColdMovies.withMappedFactors(als, content);
    return new HybridModel(
        data.fingerprint(), withColdMovies, content, TrainedRatings.of(data), blend);
  }
}

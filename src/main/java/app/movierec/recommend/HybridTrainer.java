package app.movierec.recommend;

import app.movierec.common.ProgressListener;
import app.movierec.common.TrainingData;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.content.ContentModel;
import app.movierec.recommend.hybrid.BlendWeights;

/**
 * Fits a {@link HybridModel}: the one place where "train ALS, build the content model, choose the
 * blend" is written. The web app's lifecycle, the batch commands and the evaluation all fit through
 * it.
 */
public final class HybridTrainer {

  private final AlsConfig alsConfig;
  private final int threads;

  /** A trainer using one thread per available core. */
  public HybridTrainer(AlsConfig alsConfig) {
    this(alsConfig, Runtime.getRuntime().availableProcessors());
  }

  public HybridTrainer(AlsConfig alsConfig, int threads) {
    this.alsConfig = alsConfig;
    this.threads = threads;
  }

  public AlsConfig alsConfig() {
    return alsConfig;
  }

  /** Trains ALS on {@code data} and fits the rest around it. */
  public HybridModel fit(TrainingData data, ProgressListener progress) {
    AlsModel als = new AlsTrainer(alsConfig, threads).train(data, progress);
    return fit(data, als, progress);
  }

  /**
   * Fits the content model and the blend around an ALS model already trained on {@code data}
   * (loaded from disk, or trained elsewhere such as Spark).
   */
  public HybridModel fit(TrainingData data, AlsModel als, ProgressListener progress) {
    progress.progress("Building the content model", -1);
    ContentModel content = ContentModel.build(data);
    return new HybridModel(
        data.fingerprint(),
        als,
        content,
        TrainedRatings.of(data),
        BlendWeights.ofAlsWeight(BlendWeights.DEFAULT_ALS_WEIGHT));
  }
}

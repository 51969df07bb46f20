package app.movierec.recommend;

import app.movierec.common.DatasetReadyEvent;
import app.movierec.common.Progress.Stage;
import app.movierec.common.ProgressListener;
import app.movierec.common.ProgressTracker;
import app.movierec.common.TrainingData;
import app.movierec.common.TrainingDataSource;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.als.ExternalAlsFactors;
import app.movierec.recommend.hybrid.BlendSettings;
import app.movierec.recommend.hybrid.HybridConfig;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Owns the model the app serves: on {@link DatasetReadyEvent} it loads the saved model of this data
 * and {@link AlsConfig} (see {@link ModelStore}) or fits and saves a new one, on its own background
 * thread, reporting to the {@link ProgressTracker}; {@link #retrain()} fits again from the
 * database's current ratings (live ratings included). The serving model is swapped atomically when
 * the new one is complete, so readers never see a mix; until the first one exists {@link
 * #current()} is empty. A retrain asked for while one is queued or running joins that one instead
 * of queueing another.
 */
@Component
public class ModelLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ModelLifecycle.class);

  private final ProgressTracker progress;
  private final AlsConfig alsConfig;
  private final HybridConfig hybridConfig;
  private final TrainingDataSource trainingData;
  private final ModelStore store;
  private final Path importDir; // ALS factors exported by the Spark job, or null
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "model-training");
            thread.setDaemon(true);
            return thread;
          });

  private volatile HybridModel current;
  private CompletableFuture<HybridModel> pendingRetrain; // guarded by this

  ModelLifecycle(
      ProgressTracker progress,
      AlsConfig alsConfig,
      HybridConfig hybridConfig,
      TrainingDataSource trainingData,
      ModelStore store,
      // bound as text: Spring's String-to-Path conversion goes through resources and rejects "../"
      @Value("${movierec.als.import-dir:}") String importDir) {
    this.progress = progress;
    this.alsConfig = alsConfig;
    this.hybridConfig = hybridConfig;
    this.trainingData = trainingData;
    this.store = store;
    this.importDir = importDir == null || importDir.isBlank() ? null : Path.of(importDir.strip());
  }

  /** Starts loading or fitting in the background; returns at once. */
  @EventListener
  public void onDatasetReady(DatasetReadyEvent event) {
    log.info(
        "Dataset {} ready (fingerprint {}), preparing the recommender",
        event.dataset(),
        event.fingerprint());
    CompletableFuture.supplyAsync(() -> loadOrFit(false), worker);
  }

  /**
   * Fits a new model from the database's current ratings, ignoring any saved one, and swaps it in
   * when done; the current model keeps serving meanwhile. Completes with the new model (or the
   * failure). While a retrain is queued or running, returns that one instead of queueing another.
   */
  public synchronized CompletableFuture<HybridModel> retrain() {
    if (!busy()) {
      pendingRetrain = CompletableFuture.supplyAsync(() -> loadOrFit(true), worker);
    }
    return pendingRetrain;
  }

  /** Whether a retrain is queued or running. */
  public synchronized boolean busy() {
    return pendingRetrain != null && !pendingRetrain.isDone();
  }

  /** The model serving now; empty before the first one is ready. */
  public Optional<HybridModel> current() {
    return Optional.ofNullable(current);
  }

  /**
   * The model serving now.
   *
   * @throws NotReadyException before the first model is ready
   */
  public HybridModel require() {
    HybridModel model = current;
    if (model == null) {
      throw new NotReadyException();
    }
    return model;
  }

  public boolean ready() {
    return current != null;
  }

  private HybridModel loadOrFit(boolean ignoreSaved) {
    try {
      progress.update(Stage.TRAINING, "Reading training data", -1);
      TrainingData data = trainingData.load();
      ProgressListener listener = progress.listener(Stage.TRAINING);
      String fingerprint = data.fingerprint();
      // factors trained elsewhere (the Spark job) are served as they are; they bring their config
      Optional<AlsModel> imported = importDir == null ? Optional.empty() : importAls(data);
      AlsConfig alsSettings = imported.map(AlsModel::config).orElse(alsConfig);
      HybridTrainer trainer = new HybridTrainer(alsSettings, hybridConfig);
      Optional<AlsModel> savedAls =
          imported.isPresent() || ignoreSaved ? imported : store.loadAls(fingerprint, alsConfig);
      Optional<BlendSettings> savedBlend =
          ignoreSaved ? Optional.empty() : store.loadBlend(fingerprint, alsSettings, hybridConfig);
      BlendSettings blend = savedBlend.orElseGet(() -> trainer.chooseBlend(data, listener));
      AlsModel als = savedAls.orElseGet(() -> new AlsTrainer(alsConfig).train(data, listener));
      HybridModel model = trainer.fit(data, als, blend, listener);
      if (savedAls.isEmpty()) {
        store.saveAls(als, fingerprint);
      }
      if (savedBlend.isEmpty()) {
        store.saveBlend(blend, fingerprint, alsSettings, hybridConfig);
      }
      current = model;
      progress.ready(
          String.format(
              Locale.ROOT,
              "Recommender ready: %,d users, %,d movies",
              model.userCount(),
              model.movies().size()));
      return model;
    } catch (RuntimeException e) {
      log.error("Preparing the recommender failed", e);
      if (current == null) {
        progress.failed("Preparing the recommender failed", String.valueOf(e.getMessage()));
      } else {
        progress.ready("Retraining failed (" + e.getMessage() + "); the previous model serves");
      }
      throw e;
    }
  }

  /**
   * ALS factors trained elsewhere ({@code movierec.als.import-dir}: an export of the Spark job),
   * served instead of training here; the content model and the blend are still fitted here.
   */
  private Optional<AlsModel> importAls(TrainingData data) {
    progress.update(Stage.TRAINING, "Importing ALS factors from " + importDir, -1);
    try {
      ExternalAlsFactors.Imported imported = ExternalAlsFactors.load(importDir, data);
      log.info("{}", imported.summary());
      return Optional.of(imported.model());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot import the ALS factors in "
              + importDir
              + " (movierec.als.import-dir): "
              + e.getMessage(),
          e);
    }
  }

  @PreDestroy
  void shutdown() {
    worker.shutdownNow();
  }
}

package app.movierec.recommend;

import app.movierec.common.DatasetReadyEvent;
import app.movierec.common.Progress.Stage;
import app.movierec.common.ProgressListener;
import app.movierec.common.ProgressTracker;
import app.movierec.common.TrainingData;
import app.movierec.common.TrainingDataSource;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import jakarta.annotation.PreDestroy;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private final TrainingDataSource trainingData;
  private final ModelStore store;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "model-training");
            thread.setDaemon(true);
            return thread;
          });

  private volatile HybridModel current;
  private CompletableFuture<HybridModel> pending; // guarded by this

  ModelLifecycle(
      ProgressTracker progress,
      AlsConfig alsConfig,
      TrainingDataSource trainingData,
      ModelStore store) {
    this.progress = progress;
    this.alsConfig = alsConfig;
    this.trainingData = trainingData;
    this.store = store;
  }

  /** Starts loading or fitting in the background; returns at once. */
  @EventListener
  public void onDatasetReady(DatasetReadyEvent event) {
    log.info(
        "Dataset {} ready (fingerprint {}), preparing the recommender",
        event.dataset(),
        event.fingerprint());
    start(false);
  }

  /**
   * Fits a new model from the database's current ratings, ignoring any saved one, and swaps it in
   * when done; the current model keeps serving meanwhile. Completes with the new model (or the
   * failure). While a fit is queued or running, returns that one.
   */
  public CompletableFuture<HybridModel> retrain() {
    return start(true);
  }

  /** Whether a fit is queued or running. */
  public synchronized boolean busy() {
    return pending != null && !pending.isDone();
  }

  private synchronized CompletableFuture<HybridModel> start(boolean ignoreSaved) {
    if (busy()) {
      return pending;
    }
    pending = CompletableFuture.supplyAsync(() -> loadOrFit(ignoreSaved), worker);
    return pending;
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
      HybridTrainer trainer = new HybridTrainer(alsConfig);
      Optional<AlsModel> saved =
          ignoreSaved ? Optional.empty() : store.loadAls(data.fingerprint(), alsConfig);
      HybridModel model;
      if (saved.isPresent()) {
        model = trainer.fit(data, saved.get(), listener);
      } else {
        model = trainer.fit(data, listener);
        store.saveAls(model.als(), data.fingerprint());
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

  @PreDestroy
  void shutdown() {
    worker.shutdownNow();
  }
}

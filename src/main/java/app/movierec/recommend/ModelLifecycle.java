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
import app.movierec.recommend.als.NativeBackend;
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
 * database's current ratings (live ratings included). The training data comes from a snapshot saved
 * beside the model when the source's cheap fingerprint (dataset and live-ratings watermark) says it
 * is current, so a start with unchanged data reads no ratings from the database; each stage logs
 * its wall time, CPU time and peak heap ({@link StageMeter}). The serving model is swapped
 * atomically when the new one is complete, so readers never see a mix; until the first one exists
 * {@link #current()} is empty. A retrain asked for while one is queued or running joins that one
 * instead of queueing another. A first start on large data ({@link HybridConfig#servesFirst(long)})
 * serves with the fixed ALS weight as soon as ALS is trained and swaps in the blend it learns
 * afterwards.
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
    NativeBackend.startLoading(); // while Spring starts, not when the first model needs it
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

  /** The retrain queued or running now, to follow without starting one; empty when idle. */
  public synchronized Optional<CompletableFuture<HybridModel>> runningRetrain() {
    return busy() ? Optional.of(pendingRetrain) : Optional.empty();
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
      StageMeter reading = StageMeter.start("read training data");
      ReadData read = readTrainingData();
      TrainingData data = read.data();
      log.info(
          reading.done(
              String.format(
                  Locale.ROOT, "%,d ratings from the %s", data.ratingCount(), read.source())));
      String fingerprint = data.fingerprint();
      // factors trained elsewhere (the Spark job) are served as they are; they bring their config
      Optional<AlsModel> imported = importDir == null ? Optional.empty() : importAls(data);
      AlsConfig alsSettings = imported.map(AlsModel::config).orElse(alsConfig);
      HybridTrainer trainer = new HybridTrainer(alsSettings, hybridConfig);
      Optional<AlsModel> savedAls =
          imported.isPresent() || ignoreSaved ? imported : store.loadAls(fingerprint, alsConfig);
      Optional<BlendSettings> savedBlend =
          ignoreSaved ? Optional.empty() : store.loadBlend(fingerprint, alsSettings, hybridConfig);
      boolean choosesBlend = savedBlend.isEmpty() && hybridConfig.learnWeights();
      log.info(
          HeapBudget.summary(
              data,
              alsSettings,
              savedAls.isEmpty(),
              choosesBlend,
              Runtime.getRuntime().maxMemory()));
      HeapBudget.check(data, alsSettings, savedAls.isEmpty(), choosesBlend)
          .ifPresent(
              warning -> {
                log.warn(warning);
                progress.update(Stage.TRAINING, warning, -1);
              });
      ProgressListener listener = progress.listener(Stage.TRAINING);
      // a first start on large data serves as soon as ALS is trained and learns the blend after
      boolean servesFirst =
          choosesBlend && current == null && hybridConfig.servesFirst(data.ratingCount());
      BlendSettings blend;
      if (savedBlend.isPresent()) {
        blend = savedBlend.get();
      } else if (servesFirst) {
        blend = BlendSettings.fixed(hybridConfig.alsWeight());
      } else {
        StageMeter choosing = StageMeter.start("choose blend");
        blend = trainer.chooseBlend(data, listener);
        log.info(choosing.done(""));
      }
      AlsModel als;
      if (savedAls.isPresent()) {
        als = savedAls.get();
      } else {
        StageMeter training = StageMeter.start("train ALS");
        als = new AlsTrainer(alsConfig).train(data, listener);
        log.info(
            training.done(
                alsConfig.iterations() + " iterations, " + alsConfig.factors() + " factors"));
      }
      StageMeter assembling = StageMeter.start("build content model and serving structures");
      HybridModel model = trainer.fit(data, als, blend, listener);
      log.info(assembling.done(""));
      if (savedAls.isEmpty()) {
        // saved as served, with the factors mapped for movies nobody rated: a start that loads it
        // has none left to map (the regression took 5 s of every second start at 25M)
        store.saveAls(model.als(), fingerprint);
      }
      if (savedBlend.isEmpty() && !servesFirst) {
        store.saveBlend(blend, fingerprint, alsSettings, hybridConfig);
      }
      String ready =
          String.format(
              Locale.ROOT,
              "Recommender ready: %,d users, %,d movies",
              model.userCount(),
              model.movies().size());
      if (!servesFirst) {
        current = model;
        progress.ready(ready);
        return model;
      }
      // logged before it serves: the pipeline benchmark waits for the blend when it sees this
      log.info(
          "Serving {} ratings with the fixed ALS weight {}; learning the blend weights in the"
              + " background",
          data.ratingCount(),
          blend.alsWeight());
      current = model;
      progress.ready(
          String.format(
              Locale.ROOT,
              "%s; learning the blend weights in the background (the hybrid uses α = %.2f"
                  + " until then)",
              ready,
              blend.alsWeight()));
      return learnBlendWhileServing(trainer, data, model, fingerprint, alsSettings, ready);
    } catch (RuntimeException e) {
      log.error("Preparing the recommender failed", e);
      if (current == null) {
        progress.failed("Preparing the recommender failed", String.valueOf(e.getMessage()));
      } else {
        progress.ready("Retraining failed (" + e.getMessage() + "); the previous model serves");
      }
      throw e;
    } catch (OutOfMemoryError e) {
      // the fit's big arrays are garbage once this unwinds: say what to do instead of dying
      String advice = HeapBudget.outOfMemoryAdvice();
      log.error("Preparing the recommender ran out of memory: {}", advice);
      if (current == null) {
        progress.failed("Preparing the recommender ran out of memory", advice);
      } else {
        progress.ready("Retraining ran out of memory (" + advice + "); the previous model serves");
      }
      throw new IllegalStateException("out of memory: " + advice, e);
    }
  }

  /**
   * Learns the blend for the model serving now and swaps it in (saved for the next start). Runs on
   * the lifecycle's worker, so a retrain asked for meanwhile waits for it; if it fails, the model
   * keeps serving with its fixed weight and the next start tries again.
   */
  private HybridModel learnBlendWhileServing(
      HybridTrainer trainer,
      TrainingData data,
      HybridModel serving,
      String fingerprint,
      AlsConfig alsSettings,
      String ready) {
    try {
      StageMeter choosing = StageMeter.start("choose blend");
      // no progress listener: the page keeps showing recommendations, not a training bar
      BlendSettings learned = trainer.chooseBlend(data, ProgressListener.NONE);
      log.info(choosing.done("after serving"));
      store.saveBlend(learned, fingerprint, alsSettings, hybridConfig);
      HybridModel model = serving.withBlend(learned);
      current = model;
      progress.ready(ready);
      return model;
    } catch (RuntimeException | OutOfMemoryError e) {
      log.warn(
          "Learning the blend weights failed ({}); the hybrid keeps the fixed ALS weight {}",
          e.toString(),
          serving.blend().alsWeight());
      progress.ready(ready + "; the blend weights could not be learned, see the log");
      return serving;
    }
  }

  private record ReadData(TrainingData data, String source) {}

  /**
   * The data the import collected as it wrote the rows, when it has just run; else the snapshot
   * saved beside the model when the source's fingerprint says it is current (no read of millions of
   * ratings from the database); otherwise the source's data. The first and the last are snapshotted
   * for the next start.
   */
  private ReadData readTrainingData() {
    Optional<String> fingerprint = trainingData.fingerprint();
    if (fingerprint.isPresent()) {
      Optional<TrainingData> collected = trainingData.takeCollected(fingerprint.get());
      if (collected.isPresent()) {
        store.saveTrainingData(collected.get());
        return new ReadData(collected.get(), "import (collected as it read the files)");
      }
      Optional<TrainingData> snapshot = store.loadTrainingData(fingerprint.get());
      if (snapshot.isPresent()) {
        return new ReadData(snapshot.get(), "saved snapshot");
      }
    }
    TrainingData data = trainingData.load();
    if (fingerprint.isPresent()) {
      store.saveTrainingData(data);
    }
    return new ReadData(data, "database");
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

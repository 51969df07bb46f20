package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.common.DatasetReadyEvent;
import app.movierec.common.Progress;
import app.movierec.common.ProgressTracker;
import app.movierec.common.TrainingData;
import app.movierec.common.TrainingDataSource;
import app.movierec.common.UserHistory;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsModelFiles;
import app.movierec.recommend.hybrid.BlendWeights;
import app.movierec.recommend.hybrid.HybridConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The lifecycle in a minimal Spring context: event-driven background training, saved models,
 * retraining, failures.
 */
class ModelLifecycleTest {

  private static final TrainingData DATA = EngineTestData.checkerboard();

  @TempDir Path modelDir;

  private final List<AnnotationConfigApplicationContext> contexts = new ArrayList<>();
  private final AtomicInteger loads = new AtomicInteger();

  @AfterEach
  void closeContexts() {
    contexts.forEach(AnnotationConfigApplicationContext::close);
  }

  @Test
  void is_not_ready_before_the_dataset_event_and_says_so() {
    ModelLifecycle models = start().getBean(ModelLifecycle.class);

    assertThat(models.ready()).isFalse();
    assertThat(models.current()).isEmpty();
    assertThatThrownBy(models::require).isInstanceOf(NotReadyException.class);
  }

  @Test
  void trains_in_the_background_after_the_dataset_event_and_reports_progress() {
    AnnotationConfigApplicationContext context = start();
    RecordingProgressTracker progress = context.getBean(RecordingProgressTracker.class);
    ModelLifecycle models = context.getBean(ModelLifecycle.class);

    context.publishEvent(new DatasetReadyEvent("checkerboard", DATA.fingerprint(), true));
    awaitReady(models, progress);

    assertThat(progress.current().stage()).isEqualTo(Progress.Stage.READY);
    assertThat(progress.updates)
        .contains("TRAINING ALS iteration 1 of 10 0.1", "TRAINING ALS iteration 10 of 10 1.0");
    assertThat(progress.threads).doesNotContain(Thread.currentThread().getName());
    HybridModel model = models.require();
    assertThat(model.fingerprint()).isEqualTo(DATA.fingerprint());
    assertThat(model.trainedHistory(2)).isPresent();
    assertThat(
            model
                .withWeights(BlendWeights.ALS_ONLY)
                .recommend(model.trainedHistory(2).orElseThrow(), 1)
                .getFirst()
                .movieId())
        .isEqualTo(EngineTestData.withheldMovie(2));
  }

  @Test
  void a_first_start_on_large_data_serves_at_once_and_swaps_in_the_blend_it_learns_after()
      throws Exception {
    TrainingData data = EngineTestData.randomLongTail(200, 60, 15, 20, 3);
    HybridConfig defaults = HybridConfig.defaults();
    // "large" from 1,000 ratings here (the default is 2,000,000)
    HybridConfig servesFirst =
        new HybridConfig(
            true,
            defaults.alsWeight(),
            defaults.validationUserFraction(),
            defaults.maxValidationUsers(),
            defaults.maxValidationRatings(),
            defaults.seed(),
            1_000);
    AnnotationConfigApplicationContext first = start(() -> data, Map.of(), servesFirst);
    RecordingProgressTracker progress = first.getBean(RecordingProgressTracker.class);
    ModelLifecycle models = first.getBean(ModelLifecycle.class);

    first.publishEvent(new DatasetReadyEvent("long tail", data.fingerprint(), true));
    awaitReady(models, progress);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> models.require().blend().learned());

    List<String> ready = progress.updates.stream().filter(u -> u.startsWith("READY")).toList();
    assertThat(ready).hasSize(2);
    assertThat(ready.getFirst())
        .as("served first, with the fixed weight")
        .contains("learning the blend weights in the background", "α = 0.80");
    assertThat(ready.getLast()).doesNotContain("background");

    // the learned blend was saved: the next start serves it at once, with nothing to learn
    first.close();
    AnnotationConfigApplicationContext second = start(() -> data, Map.of(), servesFirst);
    RecordingProgressTracker secondProgress = second.getBean(RecordingProgressTracker.class);
    ModelLifecycle secondModels = second.getBean(ModelLifecycle.class);
    second.publishEvent(new DatasetReadyEvent("long tail", data.fingerprint(), false));
    awaitReady(secondModels, secondProgress);

    assertThat(secondModels.require().blend()).isEqualTo(models.require().blend());
    assertThat(secondProgress.updates).noneMatch(u -> u.contains("background"));
  }

  @Test
  void below_the_size_threshold_the_blend_is_learned_before_serving() {
    TrainingData data = EngineTestData.randomLongTail(200, 60, 15, 20, 3);
    AnnotationConfigApplicationContext context = start(() -> data, Map.of());
    ModelLifecycle models = context.getBean(ModelLifecycle.class);
    RecordingProgressTracker progress = context.getBean(RecordingProgressTracker.class);

    context.publishEvent(new DatasetReadyEvent("long tail", data.fingerprint(), true));
    awaitReady(models, progress);

    assertThat(models.require().blend().learned()).isTrue();
    assertThat(progress.updates).noneMatch(u -> u.contains("background"));
  }

  @Test
  void the_next_start_loads_the_saved_model_instead_of_training() throws Exception {
    HybridModel first = trainedModel();
    Path saved = onlyModelFile();
    Files.setLastModifiedTime(saved, FileTime.fromMillis(1_000_000));
    Path stale = Files.writeString(modelDir.resolve("als-stale.bin"), "a model of older data");

    HybridModel second = trainedModel();

    UserHistory user5 = first.trainedHistory(5).orElseThrow();
    assertThat(second.withWeights(BlendWeights.ALS_ONLY).scores(user5))
        .as("the same factors")
        .containsExactly(first.withWeights(BlendWeights.ALS_ONLY).scores(user5));
    assertThat(Files.getLastModifiedTime(saved).toMillis())
        .as("not rewritten")
        .isEqualTo(1_000_000);
    assertThat(stale).as("kept, since nothing was saved").exists();
  }

  @Test
  void the_saved_model_keeps_the_factors_mapped_for_movies_nobody_rated() throws Exception {
    TrainingData withNewMovies = EngineTestData.checkerboardWithNewMovies();
    int newMovie = withNewMovies.movieIds()[withNewMovies.movieIds().length - 1];

    HybridModel first = trainedModel(() -> withNewMovies);

    assertThat(first.als().movies().contains(newMovie)).as("mapped from its content").isTrue();
    AlsModel saved = AlsModelFiles.load(onlyModelFile());
    assertThat(saved.movies().contains(newMovie))
        .as("saved as served: the next start need not map them again")
        .isTrue();
    HybridModel second = trainedModel(() -> withNewMovies);
    assertThat(second.als().movieFactors()).containsExactly(first.als().movieFactors());
  }

  @Test
  void saving_a_new_model_removes_models_of_older_data_and_a_crash_left_overs() throws Exception {
    Files.createDirectories(modelDir);
    Path stale = Files.writeString(modelDir.resolve("als-stale.bin"), "a model of older data");
    Path halfWritten = Files.writeString(modelDir.resolve("als-123.bin4567.tmp"), "half a model");
    Files.setLastModifiedTime(
        halfWritten,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
    Path beingWritten =
        Files.writeString(modelDir.resolve("als-456.bin89.tmp"), "another instance's save");

    trainedModel();

    assertThat(stale).doesNotExist();
    assertThat(halfWritten).doesNotExist();
    assertThat(beingWritten).as("fresh: another instance may be writing it").exists();
    Files.delete(beingWritten);
    assertThat(onlyModelFile().getFileName().toString()).startsWith("als-").endsWith(".bin");
  }

  @Test
  void retrain_swaps_in_a_new_model_while_the_old_one_keeps_serving() throws Exception {
    AnnotationConfigApplicationContext context = start();
    ModelLifecycle models = context.getBean(ModelLifecycle.class);
    context.publishEvent(new DatasetReadyEvent("checkerboard", DATA.fingerprint(), false));
    awaitReady(models, context.getBean(ProgressTracker.class));
    HybridModel before = models.require();
    int loadsBefore = loads.get();

    HybridModel after = models.retrain().get(60, TimeUnit.SECONDS);

    assertThat(loads.get()).isEqualTo(loadsBefore + 1);
    assertThat(after).isNotSameAs(before);
    assertThat(models.require()).isSameAs(after);
  }

  @Test
  void a_retrain_asked_for_while_one_runs_joins_it_instead_of_queueing_another() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AnnotationConfigApplicationContext context =
        start(
            () -> {
              loads.incrementAndGet();
              try {
                release.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return DATA;
            });
    ModelLifecycle models = context.getBean(ModelLifecycle.class);

    CompletableFuture<HybridModel> first = models.retrain();
    CompletableFuture<HybridModel> second = models.retrain();
    assertThat(models.busy()).isTrue();
    release.countDown();
    first.get(60, TimeUnit.SECONDS);

    assertThat(second).isSameAs(first);
    assertThat(loads.get()).isEqualTo(1);
    assertThat(models.busy()).isFalse();
    models.retrain().get(60, TimeUnit.SECONDS);
    assertThat(loads.get()).as("a retrain after it finished runs again").isEqualTo(2);
  }

  @Test
  void a_failing_data_source_marks_the_progress_failed() {
    AnnotationConfigApplicationContext context =
        start(
            () -> {
              throw new IllegalStateException("database is gone");
            });
    ModelLifecycle models = context.getBean(ModelLifecycle.class);
    ProgressTracker progress = context.getBean(ProgressTracker.class);

    assertThatThrownBy(() -> models.retrain().get(60, TimeUnit.SECONDS))
        .hasMessageContaining("database is gone");
    assertThat(progress.current().failed()).isTrue();
    assertThat(progress.current().error()).contains("database is gone");
    assertThat(models.ready()).isFalse();
  }

  @Test
  void a_failed_retrain_leaves_the_previous_model_serving() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AnnotationConfigApplicationContext context =
        start(
            () -> {
              if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("database is gone");
              }
              return DATA;
            });
    ModelLifecycle models = context.getBean(ModelLifecycle.class);
    HybridModel first = models.retrain().get(60, TimeUnit.SECONDS);

    assertThatThrownBy(() -> models.retrain().get(60, TimeUnit.SECONDS))
        .hasMessageContaining("database is gone");

    assertThat(models.require()).isSameAs(first);
    ProgressTracker progress = context.getBean(ProgressTracker.class);
    assertThat(progress.current().ready()).isTrue();
    assertThat(progress.current().phase()).contains("Retraining failed", "previous model");
  }

  @Test
  void a_second_start_with_unchanged_data_reads_the_snapshot_instead_of_the_database()
      throws Exception {
    LiveSource source = new LiveSource();
    HybridModel first = trainedModel(source);
    assertThat(source.loads).hasValue(1);
    assertThat(snapshotFiles()).hasSize(1);

    HybridModel second = trainedModel(source);

    assertThat(source.loads).as("the database was not read again").hasValue(1);
    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    UserHistory user5 = first.trainedHistory(5).orElseThrow();
    assertThat(second.trainedHistory(5)).contains(user5);
    assertThat(second.withWeights(BlendWeights.ALS_ONLY).scores(user5))
        .containsExactly(first.withWeights(BlendWeights.ALS_ONLY).scores(user5));
  }

  @Test
  void the_first_training_after_an_import_uses_the_data_it_collected_and_snapshots_it()
      throws Exception {
    LiveSource source = new LiveSource();
    source.collected = source.load();
    source.loads.set(0);

    HybridModel first = trainedModel(source);

    assertThat(source.loads).as("the database was not read").hasValue(0);
    assertThat(source.collected).as("taken").isNull();
    assertThat(snapshotFiles()).hasSize(1);
    assertThat(trainedModel(source).trainedHistory(5)).isEqualTo(first.trainedHistory(5));
    assertThat(source.loads).as("the next start reads the snapshot").hasValue(0);
  }

  @Test
  void a_new_live_rating_makes_the_snapshot_stale() throws Exception {
    LiveSource source = new LiveSource();
    trainedModel(source);
    Path before = snapshotFiles().getFirst();

    source.liveRatings.incrementAndGet(); // a visitor rated a movie since
    HybridModel next = trainedModel(source);

    assertThat(source.loads).as("read from the database again").hasValue(2);
    assertThat(next.fingerprint()).endsWith("+live:1");
    assertThat(snapshotFiles()).hasSize(1).doesNotContain(before);
  }

  @Test
  void a_damaged_snapshot_is_ignored_and_the_database_read_instead() throws Exception {
    LiveSource source = new LiveSource();
    trainedModel(source);
    Files.writeString(snapshotFiles().getFirst(), "damaged");

    HybridModel model = trainedModel(source);

    assertThat(source.loads).hasValue(2);
    assertThat(model.trainedHistory(5)).isPresent();
  }

  /** A source whose fingerprint follows a live-ratings watermark, as the database's does. */
  private static final class LiveSource implements TrainingDataSource {
    final AtomicInteger loads = new AtomicInteger();
    final AtomicInteger liveRatings = new AtomicInteger();
    TrainingData collected;

    @Override
    public Optional<TrainingData> takeCollected(String fingerprint) {
      TrainingData taken = collected;
      collected = null;
      return Optional.ofNullable(taken).filter(data -> data.fingerprint().equals(fingerprint));
    }

    @Override
    public TrainingData load() {
      loads.incrementAndGet();
      String fingerprint = fingerprint().orElseThrow();
      return DATA.withRatings(
          fingerprint, DATA.ratingUserIds(), DATA.ratingMovieIds(), DATA.ratings());
    }

    @Override
    public Optional<String> fingerprint() {
      int live = liveRatings.get();
      return Optional.of(DATA.fingerprint() + (live == 0 ? "" : "+live:" + live));
    }
  }

  private List<Path> snapshotFiles() throws Exception {
    try (var files = Files.list(modelDir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("training-")).toList();
    }
  }

  private HybridModel trainedModel(TrainingDataSource source) {
    AnnotationConfigApplicationContext context = start(source);
    ModelLifecycle models = context.getBean(ModelLifecycle.class);
    context.publishEvent(new DatasetReadyEvent("checkerboard", DATA.fingerprint(), false));
    awaitReady(models, context.getBean(ProgressTracker.class));
    return models.require();
  }

  @Test
  void serves_als_factors_exported_by_the_spark_job_instead_of_training() throws Exception {
    TrainingData mini =
        app.movierec.catalog.imports.MovieLensFolder.load(
            Path.of("src/test/resources/engine/mini-movielens"), null);
    AnnotationConfigApplicationContext context =
        start(
            () -> mini,
            Map.of("movierec.als.import-dir", "src/test/resources/engine/spark-export"));

    HybridModel model = context.getBean(ModelLifecycle.class).retrain().get(60, TimeUnit.SECONDS);

    // the export's own settings (rank 4, Spark's count-scaled regularization), not the app's
    assertThat(model.als().config().factors()).isEqualTo(4);
    assertThat(model.als().config().scaleRegularization()).isTrue();
    assertThat(model.recommend(model.trainedHistory(1).orElseThrow(), 3)).hasSize(3);
  }

  private HybridModel trainedModel() {
    AnnotationConfigApplicationContext context = start();
    ModelLifecycle models = context.getBean(ModelLifecycle.class);
    context.publishEvent(new DatasetReadyEvent("checkerboard", DATA.fingerprint(), false));
    awaitReady(models, context.getBean(ProgressTracker.class));
    return models.require();
  }

  /** The one ALS file in the model folder (the chosen blend lies beside it). */
  private Path onlyModelFile() throws Exception {
    try (var files = Files.list(modelDir)) {
      List<Path> all = files.filter(f -> !f.getFileName().toString().startsWith("blend-")).toList();
      assertThat(all).hasSize(1);
      return all.getFirst();
    }
  }

  private AnnotationConfigApplicationContext start() {
    return start(
        () -> {
          loads.incrementAndGet();
          return DATA;
        });
  }

  private AnnotationConfigApplicationContext start(TrainingDataSource source) {
    return start(source, Map.of());
  }

  private AnnotationConfigApplicationContext start(
      TrainingDataSource source, Map<String, Object> properties) {
    return start(source, properties, HybridConfig.defaults());
  }

  private AnnotationConfigApplicationContext start(
      TrainingDataSource source, Map<String, Object> properties, HybridConfig hybrid) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    Map<String, Object> all = new java.util.HashMap<>(properties);
    all.put("movierec.model-dir", modelDir.toString());
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", all));
    context.registerBean(RecordingProgressTracker.class);
    context.registerBean(
        AlsConfig.class,
        () ->
            AlsConfig.defaults()
                .withFactors(2)
                .withRegularization(0.1)
                .withAlpha(2)
                .withIterations(10));
    context.registerBean(HybridConfig.class, () -> hybrid);
    context.registerBean(TrainingDataSource.class, () -> source);
    context.registerBean(ModelStore.class);
    context.registerBean(ModelLifecycle.class);
    context.refresh();
    contexts.add(context);
    return context;
  }

  /** Remembers every update and the threads they came from. */
  static class RecordingProgressTracker extends ProgressTracker {
    final List<String> updates = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void update(Progress.Stage stage, String phase, double fraction) {
      updates.add(stage + " " + phase + " " + fraction);
      threads.add(Thread.currentThread().getName());
      super.update(stage, phase, fraction);
    }

    @Override
    public void ready(String phase) {
      updates.add("READY " + phase);
      super.ready(phase);
    }
  }

  private static void awaitReady(ModelLifecycle models, ProgressTracker progress) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .untilAsserted(
            () -> {
              assertThat(progress.current().failed()).as(progress.current().toString()).isFalse();
              assertThat(models.ready()).isTrue();
            });
  }
}

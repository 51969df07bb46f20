package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.catalog.imports.DatasetReadyEvent;
import app.movierec.progress.Progress;
import app.movierec.progress.ProgressTracker;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.content.VectorKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The service in a minimal Spring context: event-driven background training, saved models, the
 * query API.
 */
class RecommendationServiceTest {

  private static final TrainingData DATA = EngineTestData.checkerboard();

  @TempDir Path modelDir;

  private final List<AnnotationConfigApplicationContext> contexts = new ArrayList<>();
  private final AtomicInteger suppliedData = new AtomicInteger();

  @AfterEach
  void closeContexts() {
    contexts.forEach(AnnotationConfigApplicationContext::close);
  }

  @Test
  void is_not_ready_before_the_dataset_event_and_says_so() {
    RecommendationService service = start().getBean(RecommendationService.class);

    assertThat(service.ready()).isFalse();
    assertThat(service.knowsUser(2)).isFalse();
    assertThatThrownBy(() -> service.recommend(2, Mode.ALS, 1, 5))
        .isInstanceOf(NotReadyException.class);
  }

  @Test
  void trains_in_the_background_after_the_dataset_event_and_reports_progress() {
    AnnotationConfigApplicationContext context = start();
    RecordingProgressTracker progress = context.getBean(RecordingProgressTracker.class);
    RecommendationService service = context.getBean(RecommendationService.class);

    context.publishEvent(new DatasetReadyEvent("checkerboard", DATA.fingerprint(), true));
    awaitReady(service, progress, new ArrayList<>());

    assertThat(progress.current().stage()).isEqualTo(Progress.Stage.READY);
    assertThat(progress.updates)
        .contains("TRAINING ALS iteration 1 of 10 0.1", "TRAINING ALS iteration 10 of 10 1.0");
    assertThat(progress.trainingThreads).doesNotContain(Thread.currentThread().getName());
    assertThat(service.knowsUser(2)).isTrue();
    assertThat(service.knowsUser(999)).isFalse();
    assertThat(service.recommend(2, Mode.ALS, 0, 3).getFirst().movieId())
        .isEqualTo(EngineTestData.withheldMovie(2));
    assertThat(service.recommend(3, Mode.HYBRID, 0.5, 3).getFirst().movieId())
        .isEqualTo(EngineTestData.withheldMovie(3));
    assertThat(service.recommend(3, Mode.CONTENT, 0, 3).getFirst().movieId())
        .isEqualTo(EngineTestData.withheldMovie(3));
  }

  @Test
  void serves_the_whole_query_api() {
    RecommendationService service = trainedService();

    assertThatThrownBy(() -> service.recommend(999, Mode.HYBRID, 0.5, 5))
        .isInstanceOf(UnknownUserException.class)
        .hasMessageContaining("unknown user 999");
    List<ScoredMovie> visitor =
        service.recommendForRatings(Map.of(4L, 5.0, 6L, 4.5), Mode.HYBRID, 0.5, 5);
    assertThat(visitor)
        .hasSize(5)
        .extracting(ScoredMovie::movieId)
        .doesNotContain(4L, 6L)
        .allMatch(movieId -> movieId % 2 == 0);
    assertThat(service.recommendForRatings(Map.of(999L, 5.0), Mode.HYBRID, 0.5, 5)).isEmpty();
    assertThat(service.similarByContent(4, 3))
        .extracting(ScoredMovie::movieId)
        .doesNotContain(4L)
        .allMatch(movieId -> movieId % 2 == 0);
    assertThat(service.similarByAls(4, 3))
        .extracting(ScoredMovie::movieId)
        .doesNotContain(4L)
        .allMatch(movieId -> movieId % 2 == 0);
    assertThat(service.similarByAls(999, 3)).isEmpty();
    assertThat(service.contentVectorKind(4)).contains(VectorKind.FALLBACK);
    assertThat(service.contentVectorKind(999)).isEmpty();
    assertThat(service.strongestGenomeTags(4, 3)).isEmpty();

    List<Explanation> why = service.explain(2, EngineTestData.withheldMovie(2));
    assertThat(why)
        .extracting(Explanation::side)
        .contains(Explanation.Side.ALS, Explanation.Side.CONTENT);
    assertThat(why).extracting(Explanation::ratedMovieId).allMatch(movieId -> movieId % 2 == 0);
    assertThat(service.explainForRatings(Map.of(4L, 5.0, 6L, 4.5), 8))
        .extracting(Explanation::ratedMovieId)
        .containsOnly(4L, 6L);
  }

  @Test
  void a_weight_change_reblends_the_cached_scores() {
    RecommendationService service = trainedService();

    List<ScoredMovie> first = service.recommend(2, Mode.HYBRID, 0.3, 20);
    List<ScoredMovie> alsOnly = service.recommend(2, Mode.ALS, 0, 20);
    List<ScoredMovie> again = service.recommend(2, Mode.HYBRID, 0.3, 20);

    assertThat(again).isEqualTo(first);
    assertThat(alsOnly).allSatisfy(movie -> assertThat(movie.score()).isEqualTo(movie.alsScore()));
  }

  @Test
  void the_next_start_loads_the_saved_model_instead_of_training() throws Exception {
    RecommendationService first = trainedService();
    List<ScoredMovie> before = first.recommend(5, Mode.ALS, 1, 10);
    Path saved;
    try (var files = Files.list(modelDir)) {
      saved =
          files
              .filter(f -> f.getFileName().toString().startsWith("als-"))
              .findFirst()
              .orElseThrow();
    }
    Files.setLastModifiedTime(saved, FileTime.fromMillis(1_000_000));
    Path stale = Files.writeString(modelDir.resolve("als-stale.bin"), "a model of older data");

    RecommendationService second = trainedService();

    assertThat(second.recommend(5, Mode.ALS, 1, 10)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(saved).toMillis())
        .as("not rewritten")
        .isEqualTo(1_000_000);
    assertThat(stale).as("kept, since nothing was saved").exists();
  }

  @Test
  void saving_a_new_model_removes_models_of_older_data() throws Exception {
    Path stale = Files.writeString(modelDir.resolve("als-stale.bin"), "a model of older data");

    trainedService();

    assertThat(stale).doesNotExist();
    try (var files = Files.list(modelDir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .singleElement()
          .asString()
          .startsWith("als-");
    }
  }

  @Test
  void retrain_swaps_in_a_new_model_while_the_old_one_keeps_serving() throws Exception {
    RecommendationService service = trainedService();
    int suppliedBefore = suppliedData.get();

    service.retrain().get(60, TimeUnit.SECONDS);

    assertThat(suppliedData.get()).isEqualTo(suppliedBefore + 1);
    assertThat(service.ready()).isTrue();
    assertThat(service.recommend(2, Mode.ALS, 1, 1).getFirst().movieId())
        .isEqualTo(EngineTestData.withheldMovie(2));
  }

  @Test
  void a_failing_data_supplier_marks_the_progress_failed() {
    AnnotationConfigApplicationContext context =
        start(
            () -> {
              throw new IllegalStateException("database is gone");
            });
    RecommendationService service = context.getBean(RecommendationService.class);
    ProgressTracker progress = context.getBean(ProgressTracker.class);

    assertThatThrownBy(() -> service.retrain().get(60, TimeUnit.SECONDS))
        .hasMessageContaining("database is gone");
    assertThat(progress.current().failed()).isTrue();
    assertThat(progress.current().error()).contains("database is gone");
    assertThat(service.ready()).isFalse();
  }

  private RecommendationService trainedService() {
    AnnotationConfigApplicationContext context = start();
    RecommendationService service = context.getBean(RecommendationService.class);
    context.publishEvent(new DatasetReadyEvent("checkerboard", DATA.fingerprint(), false));
    awaitReady(service, context.getBean(ProgressTracker.class), new ArrayList<>());
    return service;
  }

  private AnnotationConfigApplicationContext start() {
    return start(
        () -> {
          suppliedData.incrementAndGet();
          return DATA;
        });
  }

  private AnnotationConfigApplicationContext start(Supplier<TrainingData> supplier) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("test", Map.of("movierec.model-dir", modelDir.toString())));
    context.registerBean(RecordingProgressTracker.class);
    context.registerBean(
        AlsConfig.class,
        () ->
            AlsConfig.defaults()
                .withFactors(2)
                .withRegularization(0.1)
                .withAlpha(2)
                .withIterations(10));
    context.registerBean("trainingDataSupplier", Supplier.class, () -> supplier);
    context.registerBean(RecommendationService.class);
    context.refresh();
    contexts.add(context);
    return context;
  }

  /** Remembers every update and the threads they came from. */
  static class RecordingProgressTracker extends ProgressTracker {
    final List<String> updates = new CopyOnWriteArrayList<>();
    final List<String> trainingThreads = new CopyOnWriteArrayList<>();

    @Override
    public void update(Progress.Stage stage, String phase, double fraction) {
      updates.add(stage + " " + phase + " " + fraction);
      trainingThreads.add(Thread.currentThread().getName());
      super.update(stage, phase, fraction);
    }
  }

  private static void awaitReady(
      RecommendationService service, ProgressTracker progress, List<String> phases) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!service.ready()) {
      phases.add(progress.current().phase());
      assertThat(progress.current().failed()).as(progress.current().toString()).isFalse();
      assertThat(System.nanoTime()).as("training did not finish in time").isLessThan(deadline);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}

package app.movierec.tmdb;

import static app.movierec.tmdb.TmdbStub.poster;
import static app.movierec.tmdb.TmdbStub.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
    classes = TmdbJpaTestConfig.class,
    properties = "spring.datasource.url=jdbc:h2:mem:tmdb-posters")
class PosterServiceTest {

  private static final String IMAGE_BASE = "https://image.tmdb.org/t/p/w342";

  private static final MovieRef TOY_STORY =
      new MovieRef(1, 862L, "Toy Story", 1995, List.of("Adventure", "Animation"));
  private static final MovieRef UNKNOWN_TO_TMDB =
      new MovieRef(2, 999L, "Lost Film", 1921, List.of("Drama"));
  private static final MovieRef WITHOUT_TMDB_ID =
      new MovieRef(3, null, "Home Video", null, List.of());

  @Autowired TmdbPosterRepository repository;

  private TmdbStub stub;
  private final List<PosterService> services = new ArrayList<>();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-24T00:00:00Z"));

  @BeforeEach
  void setUp() throws Exception {
    repository.deleteAll();
    stub = new TmdbStub();
  }

  @AfterEach
  void tearDown() {
    services.forEach(PosterService::destroy);
    stub.close();
  }

  /** A fresh service, as after a restart: empty memory, same database. */
  private PosterService service(String key) {
    return serviceWith(TmdbProperties.withApiKey(key).withApiBaseUrl(stub.baseUrl()));
  }

  private PosterService serviceWith(TmdbProperties properties) {
    String key = properties.apiKey();
    var client = new TmdbClient(properties, TmdbCredentials.of(key), d -> {});
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    Instant start = now.get();
    Ticker ticker = () -> Duration.between(start, now.get()).toNanos();
    var service = new PosterService(client, repository, properties, clock, ticker);
    services.add(service);
    return service;
  }

  private static String await(CompletableFuture<String> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  @Test
  void shows_a_generated_poster_at_once_and_resolves_the_tmdb_poster_in_the_background()
      throws Exception {
    stub.on(862, poster(862, "/toy.jpg"));
    PosterService service = service(TestKeys.V3_API_KEY);

    String immediate = service.posterUrlNow(TOY_STORY);
    String resolved = await(service.posterUrl(TOY_STORY));

    assertThat(immediate).isEqualTo(GeneratedPoster.dataUri(TOY_STORY));
    assertThat(resolved).isEqualTo(IMAGE_BASE + "/toy.jpg");
    assertThat(service.posterUrlNow(TOY_STORY)).isEqualTo(IMAGE_BASE + "/toy.jpg");
  }

  @Test
  void asks_tmdb_once_per_movie_and_answers_later_requests_from_the_cache() throws Exception {
    stub.on(862, poster(862, "/toy.jpg"));
    PosterService service = service(TestKeys.V3_API_KEY);

    await(service.posterUrl(TOY_STORY));
    CompletableFuture<String> again = service.posterUrl(TOY_STORY);

    assertThat(again).isCompletedWithValue(IMAGE_BASE + "/toy.jpg");
    assertThat(stub.requestCount()).isEqualTo(1);
  }

  @Test
  void sends_one_request_when_many_cards_ask_for_the_same_movie_at_once() throws Exception {
    stub.on(862, poster(862, "/toy.jpg"));
    PosterService service = service(TestKeys.V3_API_KEY);

    List<CompletableFuture<String>> futures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      futures.add(service.posterUrl(TOY_STORY));
    }
    for (CompletableFuture<String> future : futures) {
      assertThat(await(future)).isEqualTo(IMAGE_BASE + "/toy.jpg");
    }

    assertThat(stub.requestCount()).isEqualTo(1);
  }

  @Test
  void remembers_posters_across_restarts_without_asking_again() throws Exception {
    stub.on(862, poster(862, "/toy.jpg"));
    await(service(TestKeys.V3_API_KEY).posterUrl(TOY_STORY));

    PosterService afterRestart = service(TestKeys.V3_API_KEY);

    assertThat(afterRestart.posterUrlNow(TOY_STORY)).isEqualTo(IMAGE_BASE + "/toy.jpg");
    assertThat(afterRestart.posterUrl(TOY_STORY)).isCompletedWithValue(IMAGE_BASE + "/toy.jpg");
    assertThat(stub.requestCount()).isEqualTo(1);
  }

  @Test
  void caches_a_404_as_no_poster_and_never_asks_again_even_after_a_restart() throws Exception {
    stub.on(999, status(404));
    String generated = GeneratedPoster.dataUri(UNKNOWN_TO_TMDB);

    assertThat(await(service(TestKeys.V3_API_KEY).posterUrl(UNKNOWN_TO_TMDB))).isEqualTo(generated);
    PosterService afterRestart = service(TestKeys.V3_API_KEY);

    assertThat(afterRestart.posterUrl(UNKNOWN_TO_TMDB)).isCompletedWithValue(generated);
    assertThat(stub.requestCount()).isEqualTo(1);
    assertThat(repository.findById(999L))
        .get()
        .extracting(TmdbPoster::getStatus)
        .isEqualTo(TmdbPoster.Status.NONE);
  }

  @Test
  void asks_again_after_a_transient_failure_once_the_retry_delay_has_passed() throws Exception {
    stub.on(862, status(503), poster(862, "/toy.jpg"));
    PosterService service = service(TestKeys.V3_API_KEY);

    assertThat(await(service.posterUrl(TOY_STORY))).isEqualTo(GeneratedPoster.dataUri(TOY_STORY));
    assertThat(repository.findById(862L)).isEmpty();
    assertThat(service.posterUrl(TOY_STORY))
        .isCompletedWithValue(GeneratedPoster.dataUri(TOY_STORY));
    assertThat(stub.requestCount()).isEqualTo(1);

    now.set(now.get().plus(Duration.ofMinutes(11)));

    assertThat(await(service.posterUrl(TOY_STORY))).isEqualTo(IMAGE_BASE + "/toy.jpg");
    assertThat(stub.requestCount()).isEqualTo(2);
  }

  @Test
  void asks_again_after_a_restart_when_the_last_attempt_failed() throws Exception {
    stub.on(862, status(503), poster(862, "/toy.jpg"));
    await(service(TestKeys.V3_API_KEY).posterUrl(TOY_STORY));

    assertThat(await(service(TestKeys.V3_API_KEY).posterUrl(TOY_STORY)))
        .isEqualTo(IMAGE_BASE + "/toy.jpg");
    assertThat(stub.requestCount()).isEqualTo(2);
  }

  @Test
  void works_without_a_key_using_generated_posters_and_calling_nothing() throws Exception {
    PosterService service = service(null);

    assertThat(service.isTmdbEnabled()).isFalse();
    assertThat(service.posterUrlNow(TOY_STORY)).isEqualTo(GeneratedPoster.dataUri(TOY_STORY));
    assertThat(service.posterUrl(TOY_STORY))
        .isCompletedWithValue(GeneratedPoster.dataUri(TOY_STORY));
    assertThat(stub.requestCount()).isZero();
  }

  @Test
  void gives_a_movie_without_tmdb_id_a_generated_poster_without_asking() {
    PosterService service = service(TestKeys.V3_API_KEY);

    assertThat(service.posterUrl(WITHOUT_TMDB_ID))
        .isCompletedWithValue(GeneratedPoster.dataUri(WITHOUT_TMDB_ID));
    assertThat(stub.requestCount()).isZero();
  }

  @Test
  void gives_the_current_posters_of_a_whole_page_keyed_by_movie_id() throws Exception {
    stub.on(862, poster(862, "/toy.jpg"));
    await(service(TestKeys.V3_API_KEY).posterUrl(TOY_STORY));
    PosterService afterRestart = service(TestKeys.V3_API_KEY);

    Map<Integer, String> urls =
        afterRestart.posterUrlsNow(List.of(TOY_STORY, UNKNOWN_TO_TMDB, WITHOUT_TMDB_ID));

    assertThat(urls)
        .containsExactly(
            Map.entry(1, IMAGE_BASE + "/toy.jpg"),
            Map.entry(2, GeneratedPoster.dataUri(UNKNOWN_TO_TMDB)),
            Map.entry(3, GeneratedPoster.dataUri(WITHOUT_TMDB_ID)));
  }

  @Test
  void stops_asking_for_the_rest_of_the_run_once_the_key_is_rejected() throws Exception {
    stub.on(862, status(401)).on(999, status(404));
    PosterService service = service(TestKeys.V3_API_KEY);

    assertThat(await(service.posterUrl(TOY_STORY))).isEqualTo(GeneratedPoster.dataUri(TOY_STORY));
    assertThat(service.posterUrl(UNKNOWN_TO_TMDB))
        .isCompletedWithValue(GeneratedPoster.dataUri(UNKNOWN_TO_TMDB));
    assertThat(service.isTmdbEnabled()).isFalse();
    assertThat(stub.requestCount()).isEqualTo(1);
    assertThat(repository.count()).isZero();
  }

  @Test
  void keeps_at_most_cache_size_answers_in_memory_and_reads_evicted_ones_back_from_the_table()
      throws Exception {
    List<MovieRef> movies = new ArrayList<>();
    for (long tmdbId = 1; tmdbId <= 5; tmdbId++) {
      stub.on(tmdbId, poster(tmdbId, "/p" + tmdbId + ".jpg"));
      movies.add(new MovieRef((int) (100 + tmdbId), tmdbId, "Movie " + tmdbId, 2000, List.of()));
    }
    var defaults = TmdbProperties.withApiKey(TestKeys.V3_API_KEY).withApiBaseUrl(stub.baseUrl());
    PosterService service = serviceWith(withCacheSize(defaults, 2));
    for (MovieRef movie : movies) {
      await(service.posterUrl(movie));
    }

    for (MovieRef movie : movies) {
      assertThat(service.posterUrl(movie))
          .isCompletedWithValue(IMAGE_BASE + "/p" + movie.tmdbId() + ".jpg");
    }
    assertThat(stub.requestCount()).isEqualTo(5);

    repository.deleteAll();
    assertThat(movies.stream().map(service::posterUrlNow))
        .filteredOn(url -> url.startsWith(IMAGE_BASE))
        .hasSize(2);
  }

  @Test
  void never_forgets_a_final_answer_however_much_time_passes() throws Exception {
    stub.on(862, poster(862, "/toy.jpg"));
    PosterService service = service(TestKeys.V3_API_KEY);
    await(service.posterUrl(TOY_STORY));

    repository.deleteAll();
    now.set(now.get().plus(Duration.ofDays(365)));

    assertThat(service.posterUrlNow(TOY_STORY)).isEqualTo(IMAGE_BASE + "/toy.jpg");
    assertThat(stub.requestCount()).isEqualTo(1);
  }

  private static TmdbProperties withCacheSize(TmdbProperties p, int cacheSize) {
    return new TmdbProperties(
        p.apiKey(),
        p.apiBaseUrl(),
        p.imageBaseUrl(),
        p.posterSize(),
        p.connectTimeout(),
        p.requestTimeout(),
        p.maxConcurrentRequests(),
        p.maxRetries(),
        p.maxRetryAfter(),
        p.failureRetryDelay(),
        cacheSize);
  }
}

package app.movierec.tmdb;

import static app.movierec.tmdb.TmdbStub.poster;
import static app.movierec.tmdb.TmdbStub.rateLimited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.movierec.tmdb.TmdbClient.PosterLookup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The client as {@link TmdbConfiguration} wires it: the Spring proxy applies its concurrency limit,
 * and it really waits what TMDB's {@code Retry-After} says.
 */
class TmdbClientWiringTest {

  private TmdbStub stub;
  private ApplicationContextRunner context;

  @BeforeEach
  void startStub() throws Exception {
    stub = new TmdbStub();
    context =
        new ApplicationContextRunner()
            .withUserConfiguration(TmdbConfiguration.class)
            .withPropertyValues(
                "movierec.tmdb.api-key=" + TestKeys.V3_API_KEY,
                "movierec.tmdb.api-base-url=" + stub.baseUrl(),
                "movierec.tmdb.request-timeout=20s");
  }

  @AfterEach
  void stopStub() {
    stub.close();
  }

  @Test
  void keeps_at_most_max_concurrent_requests_lookups_talking_to_tmdb() {
    int lookups = 6;
    for (long tmdbId = 1; tmdbId <= lookups; tmdbId++) {
      stub.on(tmdbId, new TmdbStub.Held("/poster" + tmdbId + ".jpg"));
    }

    context
        .withPropertyValues("movierec.tmdb.max-concurrent-requests=2")
        .run(
            ctx -> {
              TmdbClient client = ctx.getBean(TmdbClient.class);
              List<Future<PosterLookup>> results = new ArrayList<>();
              try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (long tmdbId = 1; tmdbId <= lookups; tmdbId++) {
                  long id = tmdbId;
                  results.add(callers.submit(() -> client.lookUpPoster(id)));
                }

                await().atMost(Duration.ofSeconds(10)).until(() -> stub.inFlight() >= 2);
                // The other four wait for a slot instead of reaching TMDB.
                await()
                    .during(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> stub.requestCount() == 2);
                stub.release();

                for (Future<PosterLookup> result : results) {
                  assertThat(result.get(10, TimeUnit.SECONDS))
                      .isInstanceOf(PosterLookup.Found.class);
                }
              }
              assertThat(stub.requestCount()).isEqualTo(lookups);
              assertThat(stub.maxInFlight()).isEqualTo(2);
            });
  }

  @Test
  void retries_a_rate_limited_lookup_once_after_the_delay_tmdb_asked_for() {
    stub.on(603, rateLimited("1"), poster(603, "/matrix.jpg"));

    context.run(
        ctx -> {
          PosterLookup lookup = ctx.getBean(TmdbClient.class).lookUpPoster(603);

          assertThat(lookup).isEqualTo(new PosterLookup.Found("/matrix.jpg"));
          List<TmdbStub.Request> requests = stub.requests();
          assertThat(requests).hasSize(2);
          assertThat(requests.get(1).receivedNanos() - requests.get(0).receivedNanos())
              .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        });
  }
}

package app.movierec.tmdb;

import static app.movierec.tmdb.TmdbStub.poster;
import static app.movierec.tmdb.TmdbStub.rateLimited;
import static app.movierec.tmdb.TmdbStub.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.movierec.tmdb.TmdbClient.PosterLookup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TmdbClientTest {

  private TmdbStub stub;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startStub() throws Exception {
    stub = new TmdbStub();
  }

  @AfterEach
  void stopStub() {
    stub.close();
  }

  private TmdbClient client(String key) {
    return client(TmdbProperties.withApiKey(key).withApiBaseUrl(stub.baseUrl()));
  }

  private TmdbClient client(TmdbProperties properties) {
    return new TmdbClient(properties, TmdbCredentials.of(properties.apiKey()), sleeps::add);
  }

  @Test
  void finds_the_top_level_poster_path_of_a_known_movie() {
    stub.on(862, poster(862, "/uXDfjJbdP4ijW5hWSBrPrlKpxab.jpg"));

    assertThat(client(TestKeys.V3_API_KEY).lookUpPoster(862))
        .isEqualTo(new PosterLookup.Found("/uXDfjJbdP4ijW5hWSBrPrlKpxab.jpg"));
  }

  @Test
  void sends_a_v3_key_as_the_api_key_query_parameter() {
    stub.on(862, poster(862, "/p.jpg"));

    client(TestKeys.V3_API_KEY).lookUpPoster(862);

    assertThat(stub.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path()).isEqualTo("/3/movie/862");
              assertThat(request.query()).isEqualTo("api_key=" + TestKeys.V3_API_KEY);
              assertThat(request.authorization()).isNull();
            });
  }

  @Test
  void sends_a_v4_token_as_a_bearer_header_and_not_in_the_url() {
    stub.on(862, poster(862, "/p.jpg"));

    client(TestKeys.V4_TOKEN).lookUpPoster(862);

    assertThat(stub.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.authorization()).isEqualTo("Bearer " + TestKeys.V4_TOKEN);
              assertThat(request.query()).isNull();
            });
  }

  @Test
  void answers_no_poster_for_a_movie_tmdb_does_not_know() {
    stub.on(999, status(404));

    assertThat(client(TestKeys.V3_API_KEY).lookUpPoster(999))
        .isInstanceOf(PosterLookup.NoPoster.class);
  }

  @Test
  void answers_no_poster_when_the_movie_has_no_poster_path() {
    stub.on(5, poster(5, null));

    assertThat(client(TestKeys.V3_API_KEY).lookUpPoster(5))
        .isInstanceOf(PosterLookup.NoPoster.class);
  }

  @Test
  void refuses_a_poster_path_that_is_not_a_plain_file_name() {
    stub.on(5, poster(5, "/../x\\\" onerror=\\\"alert(1).jpg"));

    assertThat(client(TestKeys.V3_API_KEY).lookUpPoster(5))
        .isInstanceOf(PosterLookup.NoPoster.class);
  }

  @Test
  void logs_a_rejected_key_once_and_makes_no_further_calls() {
    stub.on(1, status(401)).on(2, poster(2, "/two.jpg"));
    TmdbClient client = client(TestKeys.V3_API_KEY);

    try (var logs = new LogCapture()) {
      PosterLookup first = client.lookUpPoster(1);
      PosterLookup second = client.lookUpPoster(2);
      PosterLookup third = client.lookUpPoster(1);

      assertThat(List.of(first, second, third))
          .allMatch(PosterLookup.Unavailable.class::isInstance);
      assertThat(stub.requestCount()).isEqualTo(1);
      assertThat(client.isEnabled()).isFalse();
      assertThat(logs.warnings())
          .singleElement()
          .asString()
          .contains("TMDB rejected the API key")
          .contains("posters fall back to generated ones");
    }
  }

  @Test
  void retries_a_rate_limited_request_after_the_retry_after_delay() {
    stub.on(603, rateLimited("2"), poster(603, "/matrix.jpg"));

    PosterLookup lookup = client(TestKeys.V3_API_KEY).lookUpPoster(603);

    assertThat(lookup).isEqualTo(new PosterLookup.Found("/matrix.jpg"));
    assertThat(stub.requestCount()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void caps_a_long_retry_after_and_gives_up_after_the_bounded_number_of_retries() {
    stub.on(603, rateLimited("3600"));

    PosterLookup lookup = client(TestKeys.V3_API_KEY).lookUpPoster(603);

    assertThat(lookup).isInstanceOf(PosterLookup.Unavailable.class);
    assertThat(stub.requestCount()).isEqualTo(1 + 3);
    assertThat(sleeps).hasSize(3).allMatch(d -> d.equals(Duration.ofSeconds(10)));
  }

  @Test
  void backs_off_exponentially_when_a_rate_limit_has_no_usable_retry_after() {
    stub.on(603, rateLimited("soon"), rateLimited("soon"), poster(603, "/m.jpg"));

    assertThat(client(TestKeys.V3_API_KEY).lookUpPoster(603))
        .isInstanceOf(PosterLookup.Found.class);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void falls_back_after_one_timeout_without_retrying() {
    stub.on(7, new TmdbStub.Hang());
    var properties =
        TmdbProperties.withApiKey(TestKeys.V3_API_KEY)
            .withApiBaseUrl(stub.baseUrl())
            .withRequestTimeout(Duration.ofMillis(300));

    PosterLookup lookup = client(properties).lookUpPoster(7);

    assertThat(lookup).isEqualTo(new PosterLookup.Unavailable("request timed out"));
    assertThat(stub.requestCount()).isEqualTo(1);
  }

  @Test
  void falls_back_on_a_server_error_without_retrying() {
    stub.on(7, status(503));

    assertThat(client(TestKeys.V3_API_KEY).lookUpPoster(7))
        .isInstanceOf(PosterLookup.Unavailable.class);
    assertThat(stub.requestCount()).isEqualTo(1);
  }

  @Test
  void pauses_all_calls_after_several_network_failures_in_a_row() {
    stub.on(7, new TmdbStub.Drop());
    TmdbClient client = client(TestKeys.V3_API_KEY);

    try (var logs = new LogCapture()) {
      for (int i = 0; i < TmdbClient.FAILURES_BEFORE_PAUSE; i++) {
        assertThat(client.lookUpPoster(7)).isInstanceOf(PosterLookup.Unavailable.class);
      }
      int requestsBeforePause = stub.requestCount();
      for (int i = 0; i < 3; i++) {
        assertThat(client.lookUpPoster(7)).isInstanceOf(PosterLookup.Unavailable.class);
      }

      // Java's HttpClient may itself retry an idempotent GET once on a dropped connection.
      assertThat(requestsBeforePause)
          .isBetween(TmdbClient.FAILURES_BEFORE_PAUSE, 2 * TmdbClient.FAILURES_BEFORE_PAUSE);
      assertThat(stub.requestCount()).isEqualTo(requestsBeforePause);
      assertThat(logs.warnings())
          .singleElement()
          .asString()
          .contains("posters fall back to generated ones");
    }
  }

  @Test
  void never_calls_tmdb_without_a_key() {
    TmdbClient client = client((String) null);

    assertThat(client.isEnabled()).isFalse();
    assertThat(client.lookUpPoster(862)).isInstanceOf(PosterLookup.Unavailable.class);
    assertThat(stub.requestCount()).isZero();
  }

  @Test
  void lets_one_probe_through_after_the_pause_and_resumes_when_it_succeeds() {
    stub.on(7, new TmdbStub.Drop());
    var defaults = TmdbProperties.withApiKey(TestKeys.V3_API_KEY).withApiBaseUrl(stub.baseUrl());
    TmdbClient client =
        client(
            new TmdbProperties(
                defaults.apiKey(),
                defaults.apiBaseUrl(),
                defaults.imageBaseUrl(),
                defaults.posterSize(),
                defaults.connectTimeout(),
                defaults.requestTimeout(),
                defaults.maxConcurrentRequests(),
                defaults.maxRetries(),
                defaults.maxRetryAfter(),
                Duration.ofMillis(300),
                defaults.cacheSize()));
    for (int i = 0; i < TmdbClient.FAILURES_BEFORE_PAUSE; i++) {
      client.lookUpPoster(7);
    }
    int requestsBeforePause = stub.requestCount();
    stub.on(7, poster(7, "/back.jpg"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.lookUpPoster(7), PosterLookup.Found.class::isInstance);

    assertThat(stub.requestCount()).isEqualTo(requestsBeforePause + 1);
    assertThat(client.lookUpPoster(7)).isEqualTo(new PosterLookup.Found("/back.jpg"));
  }
}

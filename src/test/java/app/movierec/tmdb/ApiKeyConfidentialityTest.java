package app.movierec.tmdb;

import static app.movierec.tmdb.TmdbStub.poster;
import static app.movierec.tmdb.TmdbStub.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The API key is a secret: it goes to TMDB's API and nowhere else, whatever happens. */
@SpringBootTest(
    classes = TmdbJpaTestConfig.class,
    properties = "spring.datasource.url=jdbc:h2:mem:tmdb-secrets")
class ApiKeyConfidentialityTest {

  @Autowired TmdbPosterRepository repository;

  @ParameterizedTest
  @ValueSource(strings = {TestKeys.V3_API_KEY, TestKeys.V4_TOKEN})
  void never_puts_the_key_into_a_poster_url_or_a_log_line(String key) throws Exception {
    repository.deleteAll();
    List<String> urls = new ArrayList<>();
    List<String> logLines;
    try (var stub = new TmdbStub();
        var logs = new LogCapture()) {
      stub.on(1, poster(1, "/one.jpg"))
          .on(2, status(404))
          .on(3, status(503))
          .on(4, new TmdbStub.Drop())
          .on(5, new TmdbStub.Hang())
          .on(6, TmdbStub.rateLimited("1"), poster(6, "/six.jpg"))
          .on(7, status(401));
      var properties =
          TmdbProperties.withApiKey(key)
              .withApiBaseUrl(stub.baseUrl())
              .withRequestTimeout(Duration.ofMillis(300));
      var service =
          new PosterService(
              new TmdbClient(properties, TmdbCredentials.of(key), d -> {}), repository, properties);
      try {
        for (int tmdbId = 1; tmdbId <= 7; tmdbId++) {
          var movie =
              new MovieRef(tmdbId, (long) tmdbId, "Movie " + tmdbId, 2000, List.of("Drama"));
          urls.add(service.posterUrlNow(movie));
          urls.add(service.posterUrl(movie).get(10, TimeUnit.SECONDS));
          urls.add(service.posterUrlNow(movie));
          TmdbLinks.tmdbMovieUrl(movie).ifPresent(urls::add);
        }
        urls.addAll(
            service
                .posterUrlsNow(List.of(new MovieRef(1, 1L, "Movie 1", 2000, List.of())))
                .values());
      } finally {
        service.destroy();
      }
      logLines = logs.lines();
      assertThat(stub.requests())
          .anySatisfy(r -> assertThat(r.authorization() + " " + r.query()).contains(key));
    }

    assertThat(urls)
        .contains(
            "https://image.tmdb.org/t/p/w342/one.jpg", "https://image.tmdb.org/t/p/w342/six.jpg");
    assertThat(logLines).anyMatch(line -> line.contains("TMDB rejected the API key"));
    String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8);
    String keyStart = key.substring(0, 16);
    for (String text : concat(urls, logLines)) {
      assertThat(text).doesNotContain(key).doesNotContain(encoded).doesNotContain(keyStart);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}

package app.movierec.tmdb;

import static app.movierec.tmdb.TmdbStub.poster;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The beans as the application wires them, configured only through {@code movierec.tmdb.*}
 * properties.
 */
@SpringBootTest(
    classes = {TmdbJpaTestConfig.class, TmdbConfiguration.class, PosterService.class},
    properties = {
      "spring.datasource.url=jdbc:h2:mem:tmdb-wiring",
      "movierec.tmdb.api-key=" + TestKeys.V4_TOKEN,
      "movierec.tmdb.poster-size=w185"
    })
class PosterServiceWiringTest {

  private static final TmdbStub STUB = startStub();

  @Autowired PosterService posters;

  private static TmdbStub startStub() {
    try {
      return new TmdbStub().on(862, poster(862, "/toy.jpg"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void pointAtTheStub(DynamicPropertyRegistry registry) {
    registry.add("movierec.tmdb.api-base-url", () -> STUB.baseUrl().toString());
  }

  @AfterAll
  static void stopStub() {
    STUB.close();
  }

  @Test
  void resolves_a_poster_through_the_configured_api_with_the_bearer_token() throws Exception {
    var movie = new MovieRef(1, 862L, "Toy Story", 1995, List.of("Animation"));

    String url = posters.posterUrl(movie).get(10, TimeUnit.SECONDS);

    assertThat(url).isEqualTo("https://image.tmdb.org/t/p/w185/toy.jpg");
    assertThat(STUB.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.authorization()).isEqualTo("Bearer " + TestKeys.V4_TOKEN);
              assertThat(request.query()).isNull();
            });
  }
}

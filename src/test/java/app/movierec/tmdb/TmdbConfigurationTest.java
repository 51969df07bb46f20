package app.movierec.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.tmdb.TmdbCredentials.Kind;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TmdbConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(TmdbConfiguration.class);

  @Test
  void binds_defaults_when_nothing_is_configured() {
    context.run(
        ctx -> {
          TmdbProperties properties = ctx.getBean(TmdbProperties.class);
          assertThat(properties.apiBaseUrl()).isEqualTo(URI.create("https://api.themoviedb.org"));
          assertThat(properties.imageBaseUrl()).isEqualTo("https://image.tmdb.org/t/p/");
          assertThat(properties.posterSize()).isEqualTo("w342");
          assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
          assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
          assertThat(properties.maxConcurrentRequests()).isEqualTo(4);
          assertThat(ctx.getBean(TmdbClient.class).isEnabled()).isFalse();
        });
  }

  @Test
  void reads_the_key_from_the_tmdb_api_key_variable() {
    context
        .withPropertyValues("TMDB_API_KEY=" + TestKeys.V4_TOKEN)
        .run(
            ctx ->
                assertThat(ctx.getBean(TmdbCredentials.class).kind())
                    .isEqualTo(Kind.V4_READ_ACCESS_TOKEN));
  }

  @Test
  void prefers_the_property_over_the_variable() {
    context
        .withPropertyValues(
            "TMDB_API_KEY=" + TestKeys.V4_TOKEN, "movierec.tmdb.api-key=" + TestKeys.V3_API_KEY)
        .run(
            ctx ->
                assertThat(ctx.getBean(TmdbCredentials.class).kind()).isEqualTo(Kind.V3_API_KEY));
  }

  @Test
  void binds_a_custom_api_base_url() {
    context
        .withPropertyValues(
            "movierec.tmdb.api-base-url=http://127.0.0.1:9/", "movierec.tmdb.request-timeout=500ms")
        .run(
            ctx -> {
              assertThat(ctx.getBean(TmdbProperties.class).apiBaseUrl())
                  .isEqualTo(URI.create("http://127.0.0.1:9/"));
              assertThat(ctx.getBean(TmdbProperties.class).requestTimeout())
                  .isEqualTo(Duration.ofMillis(500));
            });
  }
}

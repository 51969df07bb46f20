package app.movierec.tmdb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * Wires the TMDB client: the key comes from {@code movierec.tmdb.api-key}, else the {@code
 * TMDB_API_KEY} variable. {@link EnableResilientMethods} makes the client's {@code
 * ConcurrencyLimit} count.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TmdbProperties.class)
@EnableResilientMethods
public class TmdbConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TmdbConfiguration.class);

  @Bean
  TmdbCredentials tmdbCredentials(TmdbProperties properties, Environment environment) {
    String configured = properties.apiKey();
    if (configured == null || configured.isBlank()) {
      configured = environment.getProperty("TMDB_API_KEY");
    }
    TmdbCredentials credentials = TmdbCredentials.of(configured);
    switch (credentials.kind()) {
      case NONE ->
          log.info("No TMDB API key configured (TMDB_API_KEY): movies get generated posters");
      case V3_API_KEY -> log.info("TMDB posters enabled with a v3 API key");
      case V4_READ_ACCESS_TOKEN -> log.info("TMDB posters enabled with a v4 read-access token");
    }
    return credentials;
  }

  @Bean
  TmdbClient tmdbClient(TmdbProperties properties, TmdbCredentials credentials) {
    return new TmdbClient(properties, credentials);
  }
}

package app.movierec.tmdb;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code movierec.tmdb}. Without an API key (here or in the {@code TMDB_API_KEY}
 * environment variable) TMDB's API is never called and every movie gets a generated poster.
 *
 * @param apiKey a v3 API key or a v4 read-access token; blank means "use {@code TMDB_API_KEY}, if
 *     set"
 * @param apiBaseUrl the API's origin (tests point it at a local stub)
 * @param imageBaseUrl where poster images are served from; image URLs carry no key
 * @param posterSize one of TMDB's poster sizes; w342 fits a card at 2x density
 * @param connectTimeout TCP connect timeout for API calls
 * @param requestTimeout deadline of one API request, from sending it to having read the answer
 * @param maxConcurrentRequests how many API calls may be in flight at once
 * @param maxRetries how often a request answered with 429 (rate limited) is retried
 * @param maxRetryAfter upper bound on one back-off, whatever {@code Retry-After} says
 * @param failureRetryDelay how long a movie (after a transient failure) or the whole API (after
 *     several network failures in a row) is left alone before it is asked again
 * @param cacheSize how many TMDB answers are kept in memory; older ones are read back from the
 *     {@code tmdb_poster} table when needed
 */
@ConfigurationProperties("movierec.tmdb")
public record TmdbProperties(
    String apiKey,
    @DefaultValue("https://api.themoviedb.org") URI apiBaseUrl,
    @DefaultValue("https://image.tmdb.org/t/p/") String imageBaseUrl,
    @DefaultValue("w342") String posterSize,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("2s") Duration requestTimeout,
    @DefaultValue(TmdbProperties.DEFAULT_MAX_CONCURRENT_REQUESTS) int maxConcurrentRequests,
    @DefaultValue("3") int maxRetries,
    @DefaultValue("10s") Duration maxRetryAfter,
    @DefaultValue("10m") Duration failureRetryDelay,
    @DefaultValue("10000") int cacheSize) {

  /**
   * The default of {@code max-concurrent-requests}, also the fallback of {@link TmdbClient}'s
   * limit.
   */
  static final String DEFAULT_MAX_CONCURRENT_REQUESTS = "4";

  public TmdbProperties {
    apiBaseUrl = apiBaseUrl == null ? URI.create("https://api.themoviedb.org") : apiBaseUrl;
    imageBaseUrl =
        imageBaseUrl == null || imageBaseUrl.isBlank()
            ? "https://image.tmdb.org/t/p/"
            : imageBaseUrl;
    if (!imageBaseUrl.endsWith("/")) {
      imageBaseUrl = imageBaseUrl + "/";
    }
    posterSize = posterSize == null || posterSize.isBlank() ? "w342" : posterSize.strip();
    connectTimeout = positiveOr(connectTimeout, Duration.ofSeconds(2));
    requestTimeout = positiveOr(requestTimeout, Duration.ofSeconds(2));
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "movierec.tmdb.max-concurrent-requests must be at least 1");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("movierec.tmdb.max-retries must not be negative");
    }
    maxRetryAfter = positiveOr(maxRetryAfter, Duration.ofSeconds(10));
    failureRetryDelay = positiveOr(failureRetryDelay, Duration.ofMinutes(10));
    if (cacheSize < 1) {
      throw new IllegalArgumentException("movierec.tmdb.cache-size must be at least 1");
    }
  }

  /** All defaults, with the given key (which may be null). */
  public static TmdbProperties withApiKey(String apiKey) {
    return new TmdbProperties(apiKey, null, null, null, null, null, 4, 3, null, null, 10_000);
  }

  /** A copy talking to another API origin. */
  public TmdbProperties withApiBaseUrl(URI url) {
    return new TmdbProperties(
        apiKey,
        url,
        imageBaseUrl,
        posterSize,
        connectTimeout,
        requestTimeout,
        maxConcurrentRequests,
        maxRetries,
        maxRetryAfter,
        failureRetryDelay,
        cacheSize);
  }

  /** A copy with another request timeout. */
  public TmdbProperties withRequestTimeout(Duration timeout) {
    return new TmdbProperties(
        apiKey,
        apiBaseUrl,
        imageBaseUrl,
        posterSize,
        connectTimeout,
        timeout,
        maxConcurrentRequests,
        maxRetries,
        maxRetryAfter,
        failureRetryDelay,
        cacheSize);
  }

  private static Duration positiveOr(Duration value, Duration fallback) {
    return value == null || value.isNegative() || value.isZero() ? fallback : value;
  }

  /** Never prints the key: these properties end up in debug output and failure analyses. */
  @Override
  public String toString() {
    return "TmdbProperties[apiKey="
        + (apiKey == null || apiKey.isBlank() ? "<none>" : "<redacted>")
        + ", apiBaseUrl="
        + apiBaseUrl
        + ", imageBaseUrl="
        + imageBaseUrl
        + ", posterSize="
        + posterSize
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", maxConcurrentRequests="
        + maxConcurrentRequests
        + ", maxRetries="
        + maxRetries
        + ", maxRetryAfter="
        + maxRetryAfter
        + ", failureRetryDelay="
        + failureRetryDelay
        + ", cacheSize="
        + cacheSize
        + "]";
  }
}

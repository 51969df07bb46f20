package app.movierec.tmdb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks TMDB's API for a movie's poster path ({@code GET /3/movie/{tmdbId}}), server-side only.
 *
 * <p>At most {@code maxConcurrentRequests} calls are in flight. A 404 means "no such movie, no
 * poster"; a 401 means the key was rejected: that is logged once and no further call is made in
 * this run. A 429 is retried after the {@code Retry-After} delay (bounded), at most {@code
 * maxRetries} times. Timeouts and network errors give {@link PosterLookup.Unavailable}; after
 * {@value #FAILURES_BEFORE_PAUSE} of them in a row the client pauses for {@code failureRetryDelay},
 * so an offline server does not wait on timeouts for every card.
 *
 * <p>The key never appears in a log line: URLs of requests are not logged, and exception messages
 * are scrubbed.
 */
public class TmdbClient {

  /** The outcome of one poster lookup. */
  public sealed interface PosterLookup {
    /** TMDB knows the movie and has a poster; {@code posterPath} looks like {@code /abc123.jpg}. */
    record Found(String posterPath) implements PosterLookup {}

    /** TMDB does not know the movie (404) or has no poster for it: a final answer worth caching. */
    record NoPoster() implements PosterLookup {}

    /**
     * No answer this time (no key, key rejected, rate limited, timeout, network error): ask again
     * later.
     */
    record Unavailable(String reason) implements PosterLookup {}
  }

  /** Pauses between retries; replaced in tests so they need not wait. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  static final int FAILURES_BEFORE_PAUSE = 5;

  /**
   * What TMDB's poster paths look like ("/kqjL17yufvn9OVLyXYpvtyrFfak.jpg"); anything else is not
   * put into a URL.
   */
  private static final Pattern POSTER_PATH = Pattern.compile("^/[A-Za-z0-9_.-]{1,200}$");

  private static final Logger log = LoggerFactory.getLogger(TmdbClient.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final TmdbProperties properties;
  private final TmdbCredentials credentials;
  private final HttpClient http;
  private final Semaphore permits;
  private final Sleeper sleeper;
  private final AtomicBoolean keyRejected = new AtomicBoolean();
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

  public TmdbClient(TmdbProperties properties, TmdbCredentials credentials) {
    this(properties, credentials, d -> Thread.sleep(d.toMillis()));
  }

  TmdbClient(TmdbProperties properties, TmdbCredentials credentials, Sleeper sleeper) {
    this.properties = properties;
    this.credentials = credentials;
    this.sleeper = sleeper;
    this.permits = new Semaphore(properties.maxConcurrentRequests(), true);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Whether a key is configured and TMDB has not rejected it in this run. */
  public boolean isEnabled() {
    return credentials.isPresent() && !keyRejected.get();
  }

  /**
   * Looks up the poster path of a TMDB movie. Blocks for at most a few request timeouts (plus
   * bounded back-offs on 429), so call it off the UI thread; {@link PosterService} does.
   */
  public PosterLookup lookUpPoster(long tmdbId) {
    if (!credentials.isPresent()) {
      return new PosterLookup.Unavailable("no TMDB API key configured");
    }
    if (keyRejected.get()) {
      return new PosterLookup.Unavailable("TMDB rejected the API key");
    }
    if (Instant.now().isBefore(pausedUntil.get())) {
      return new PosterLookup.Unavailable("TMDB unreachable; paused");
    }
    if (tmdbId <= 0) {
      return new PosterLookup.NoPoster();
    }
    try {
      for (int attempt = 0; ; attempt++) {
        HttpResponse<String> response = sendLimited(movieRequest(tmdbId));
        if (response == null) {
          return new PosterLookup.Unavailable("TMDB rejected the API key");
        }
        int status = response.statusCode();
        if (status == 429) {
          if (attempt >= properties.maxRetries()) {
            log.debug(
                "TMDB kept rate-limiting the poster lookup of movie {}; using a generated poster",
                tmdbId);
            return new PosterLookup.Unavailable("rate limited");
          }
          sleeper.sleep(retryDelay(response, attempt));
          continue;
        }
        failuresInARow.set(0);
        return switch (status) {
          case 200 -> parsePosterPath(tmdbId, response.body());
          case 404 -> new PosterLookup.NoPoster();
          case 401 -> rejectKey();
          default -> {
            log.debug("TMDB answered {} for movie {}", status, tmdbId);
            yield new PosterLookup.Unavailable("HTTP " + status);
          }
        };
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PosterLookup.Unavailable("interrupted");
    } catch (IOException e) {
      return networkFailure(tmdbId, e);
    }
  }

  private HttpRequest movieRequest(long tmdbId) {
    URI uri =
        URI.create(
            stripTrailingSlash(properties.apiBaseUrl().toString())
                + "/3/movie/"
                + tmdbId
                + credentials.apiQuery());
    var request =
        HttpRequest.newBuilder(uri)
            .timeout(properties.requestTimeout())
            .header("Accept", "application/json")
            .GET();
    return credentials.authorize(request).build();
  }

  /**
   * Sends under the concurrency limit; null when the key got rejected while waiting for a permit.
   */
  private HttpResponse<String> sendLimited(HttpRequest request)
      throws IOException, InterruptedException {
    permits.acquire();
    try {
      if (keyRejected.get()) {
        return null;
      }
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } finally {
      permits.release();
    }
  }

  private PosterLookup parsePosterPath(long tmdbId, String body) {
    try {
      JsonNode posterPath = JSON.readTree(body).path("poster_path");
      if (posterPath.isString() && POSTER_PATH.matcher(posterPath.asString()).matches()) {
        return new PosterLookup.Found(posterPath.asString());
      }
      return new PosterLookup.NoPoster();
    } catch (JacksonException e) {
      log.debug("TMDB sent an unreadable answer for movie {}", tmdbId);
      return new PosterLookup.Unavailable("unreadable answer");
    }
  }

  private PosterLookup rejectKey() {
    if (keyRejected.compareAndSet(false, true)) {
      log.warn(
          "TMDB rejected the API key (HTTP 401; configured as a {}). No more TMDB calls in this run; "
              + "posters fall back to generated ones. Check TMDB_API_KEY or movierec.tmdb.api-key.",
          credentials.kind() == TmdbCredentials.Kind.V4_READ_ACCESS_TOKEN
              ? "v4 read-access token"
              : "v3 API key");
    }
    return new PosterLookup.Unavailable("TMDB rejected the API key");
  }

  private PosterLookup networkFailure(long tmdbId, IOException e) {
    String what = e instanceof HttpTimeoutException ? "timed out" : "failed";
    String detail = credentials.redact(String.valueOf(e.getMessage()));
    if (failuresInARow.incrementAndGet() >= FAILURES_BEFORE_PAUSE) {
      failuresInARow.set(0);
      pausedUntil.set(Instant.now().plus(properties.failureRetryDelay()));
      log.warn(
          "TMDB poster lookups keep failing (last: {} {}); posters fall back to generated ones for {}",
          what,
          detail,
          properties.failureRetryDelay());
    } else {
      log.debug("TMDB poster lookup of movie {} {}: {}", tmdbId, what, detail);
    }
    return new PosterLookup.Unavailable("request " + what);
  }

  private Duration retryDelay(HttpResponse<?> response, int attempt) {
    Duration fallback = Duration.ofSeconds(1L << Math.min(attempt, 4));
    Optional<String> header = response.headers().firstValue("Retry-After");
    Duration delay = fallback;
    if (header.isPresent()) {
      try {
        long seconds = Long.parseLong(header.get().strip());
        delay = seconds < 0 ? fallback : Duration.ofSeconds(seconds);
      } catch (NumberFormatException e) {
        // An HTTP-date: TMDB sends seconds, so the exponential fallback is good enough.
      }
    }
    return delay.compareTo(properties.maxRetryAfter()) > 0 ? properties.maxRetryAfter() : delay;
  }

  private static String stripTrailingSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}

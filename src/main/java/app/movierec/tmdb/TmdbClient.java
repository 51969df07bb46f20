package app.movierec.tmdb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks TMDB's API for a movie's poster path ({@code GET /3/movie/{tmdbId}}), server-side only,
 * through a {@link RestClient} on the JDK's {@code HttpClient} ({@code connectTimeout}, and {@code
 * requestTimeout} as the deadline of each request).
 *
 * <p>At most {@code maxConcurrentRequests} lookups run at once ({@link ConcurrencyLimit}, applied
 * by the Spring proxy of this bean; further callers wait). A 404 means "no such movie, no poster";
 * a 401 means the key was rejected: that is logged once and no further call is made in this run. A
 * 429 is retried after the {@code Retry-After} delay (bounded by {@code maxRetryAfter}), at most
 * {@code maxRetries} times (Resilience4j {@link Retry}). Timeouts and network errors give {@link
 * PosterLookup.Unavailable}; after {@value #FAILURES_BEFORE_PAUSE} of them in a row a Resilience4j
 * {@link CircuitBreaker} pauses all lookups for {@code failureRetryDelay} and then lets one probe
 * through, so an offline server does not wait on timeouts for every card.
 *
 * <p>The key never appears in a log line: it is added to requests on the way out (see {@link
 * TmdbCredentials}), URLs of requests are not logged, and exception messages are scrubbed.
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

  /** The one field of TMDB's movie details that matters here. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MovieDetails(@JsonProperty("poster_path") String posterPath) {}

  /** What one HTTP exchange with TMDB gave: the status, its Retry-After header and the body. */
  private record Answer(int status, String retryAfter, MovieDetails details) {
    boolean rateLimited() {
      return status == HttpStatus.TOO_MANY_REQUESTS.value();
    }
  }

  private static final Logger log = LoggerFactory.getLogger(TmdbClient.class);

  private final TmdbCredentials credentials;
  private final RestClient api;
  private final Retry rateLimitRetry;
  private final CircuitBreaker outage;
  private final Sleeper sleeper;
  private final AtomicBoolean keyRejected = new AtomicBoolean();
  private volatile String lastFailure = "";

  public TmdbClient(TmdbProperties properties, TmdbCredentials credentials) {
    this(properties, credentials, Thread::sleep);
  }

  TmdbClient(TmdbProperties properties, TmdbCredentials credentials, Sleeper sleeper) {
    this.credentials = credentials;
    this.sleeper = sleeper;
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(ProxySelector.getDefault())
            .build();
    var requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(properties.requestTimeout());
    this.api =
        RestClient.builder()
            .requestFactory(requests)
            .baseUrl(properties.apiBaseUrl().toString())
            .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
            .requestInterceptor(credentials::authorize)
            .build();
    this.rateLimitRetry = Retry.of("tmdb-rate-limit", rateLimitRetryConfig(properties));
    this.outage = CircuitBreaker.of("tmdb-outage", outageConfig(properties));
    outage.getEventPublisher().onError(event -> lastFailure = describe(event.getThrowable()));
    outage
        .getEventPublisher()
        .onStateTransition(
            event -> {
              if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                log.warn(
                    "TMDB poster lookups keep failing (last: {}); posters fall back to generated ones"
                        + " for {}",
                    lastFailure,
                    properties.failureRetryDelay());
              }
            });
  }

  /** Retries on 429 only, waiting what {@code Retry-After} says (or backing off exponentially). */
  private static RetryConfig rateLimitRetryConfig(TmdbProperties properties) {
    IntervalFunction backOff =
        IntervalFunction.ofExponentialBackoff(
            Duration.ofSeconds(1), 2.0, properties.maxRetryAfter());
    return RetryConfig.<Answer>custom()
        .maxAttempts(properties.maxRetries() + 1)
        .retryOnResult(Answer::rateLimited)
        .retryOnException(e -> false)
        .intervalBiFunction(
            (attempt, outcome) ->
                retryAfter(outcome.getOrNull(), properties.maxRetryAfter())
                    .orElseGet(() -> backOff.apply(attempt)))
        .failAfterMaxAttempts(false)
        .build();
  }

  /**
   * Opens after {@value #FAILURES_BEFORE_PAUSE} network failures in a row; one probe afterwards.
   */
  private static CircuitBreakerConfig outageConfig(TmdbProperties properties) {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(FAILURES_BEFORE_PAUSE)
        .minimumNumberOfCalls(FAILURES_BEFORE_PAUSE)
        .failureRateThreshold(100)
        .waitDurationInOpenState(properties.failureRetryDelay())
        .permittedNumberOfCallsInHalfOpenState(1)
        // Only a missing answer is an outage; any HTTP status (even 5xx) shows TMDB is reachable.
        .recordException(ResourceAccessException.class::isInstance)
        .writableStackTraceEnabled(false)
        .build();
  }

  /** Whether a key is configured and TMDB has not rejected it in this run. */
  public boolean isEnabled() {
    return credentials.isPresent() && !keyRejected.get();
  }

  /**
   * Looks up the poster path of a TMDB movie. Blocks for at most a few request timeouts (plus
   * bounded back-offs on 429, and the wait for a free slot under the concurrency limit), so call it
   * off the UI thread; {@link PosterService} does.
   */
  @ConcurrencyLimit(
      limitString =
          "${movierec.tmdb.max-concurrent-requests:"
              + TmdbProperties.DEFAULT_MAX_CONCURRENT_REQUESTS
              + "}")
  public PosterLookup lookUpPoster(long tmdbId) {
    if (!credentials.isPresent()) {
      return new PosterLookup.Unavailable("no TMDB API key configured");
    }
    if (keyRejected.get()) {
      return new PosterLookup.Unavailable("TMDB rejected the API key");
    }
    if (tmdbId <= 0) {
      return new PosterLookup.NoPoster();
    }
    try {
      Answer answer = fetchHonouringRateLimits(tmdbId);
      return switch (answer.status()) {
        case 200 -> posterOf(answer.details());
        case 404 -> new PosterLookup.NoPoster();
        case 401 -> rejectKey();
        case 429 -> {
          log.debug(
              "TMDB kept rate-limiting the poster lookup of movie {}; using a generated poster",
              tmdbId);
          yield new PosterLookup.Unavailable("rate limited");
        }
        default -> {
          log.debug("TMDB answered {} for movie {}", answer.status(), tmdbId);
          yield new PosterLookup.Unavailable("HTTP " + answer.status());
        }
      };
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PosterLookup.Unavailable("interrupted");
    } catch (CallNotPermittedException e) {
      return new PosterLookup.Unavailable("TMDB unreachable; paused");
    } catch (ResourceAccessException e) {
      log.debug("TMDB poster lookup of movie {} {}", tmdbId, describe(e));
      return new PosterLookup.Unavailable("request " + (timedOut(e) ? "timed out" : "failed"));
    } catch (RestClientException e) {
      log.debug("TMDB sent an unreadable answer for movie {}", tmdbId);
      return new PosterLookup.Unavailable("unreadable answer");
    }
  }

  /**
   * One request, repeated while TMDB answers 429 and the retry policy allows. Resilience4j decides
   * whether and how long to wait; the wait itself goes through {@link Sleeper} (its blocking {@code
   * Retry} sleeps through a JVM-wide hook that a test cannot replace for one client), which is why
   * this loop drives the policy's {@link Retry.AsyncContext}, the variant that hands the delay
   * back.
   */
  private Answer fetchHonouringRateLimits(long tmdbId) throws InterruptedException {
    Retry.AsyncContext<Answer> attempts = rateLimitRetry.asyncContext();
    while (true) {
      Answer answer = outage.executeSupplier(() -> fetch(tmdbId));
      long waitMillis = attempts.onResult(answer);
      if (waitMillis < 0 || keyRejected.get()) {
        if (!answer.rateLimited()) {
          attempts.onComplete();
        }
        return answer;
      }
      sleeper.sleep(Duration.ofMillis(waitMillis));
    }
  }

  private Answer fetch(long tmdbId) {
    return api.get()
        .uri("/3/movie/{tmdbId}", tmdbId)
        .exchange(
            (request, response) -> {
              int status = response.getStatusCode().value();
              return new Answer(
                  status,
                  response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                  status == 200 ? response.bodyTo(MovieDetails.class) : null);
            });
  }

  private static PosterLookup posterOf(MovieDetails details) {
    String path = details == null ? null : details.posterPath();
    return path != null && POSTER_PATH.matcher(path).matches()
        ? new PosterLookup.Found(path)
        : new PosterLookup.NoPoster();
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

  /**
   * The {@code Retry-After} delay in milliseconds, at most {@code max}; empty when the answer has
   * none in seconds (TMDB sends seconds, so an HTTP-date falls back to the exponential back-off).
   */
  private static Optional<Long> retryAfter(Answer answer, Duration max) {
    if (answer == null || answer.retryAfter() == null) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(answer.retryAfter().strip());
      if (seconds < 0) {
        return Optional.empty();
      }
      Duration delay = Duration.ofSeconds(seconds);
      return Optional.of((delay.compareTo(max) > 0 ? max : delay).toMillis());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** "timed out: ..." or "failed: ..." with the root cause, the key scrubbed. */
  private String describe(Throwable e) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
    return (timedOut(e) ? "timed out: " : "failed: ")
        + credentials.redact(cause.getClass().getSimpleName() + " " + cause.getMessage());
  }
}

package app.movierec.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One Resilience4j {@link RateLimiter} (the atomic implementation, which can tell the wait) per
 * client address and kind of request, in a bounded Caffeine cache (at most {@code
 * movierec.rate-limit.clients} per kind, forgotten after two idle periods, when a fresh limiter
 * would be full again anyway). A request that finds no permit is not queued: the caller answers 429
 * with the wait as {@code Retry-After}.
 */
@Component
public class ClientRateLimits {

  /** What a limit counts. */
  public enum Kind {
    /** creating a visitor (the API's {@code POST /api/users}, a first rating on a page) */
    VISITOR("visitor creations"),
    /** writing or deleting a rating, and the operator's retrain */
    WRITE("writes"),
    /** a password check: the login form, an API request with Basic credentials */
    LOGIN("login attempts");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Map<Kind, Cache<String, AtomicRateLimiter>> limiters = new EnumMap<>(Kind.class);
  private final Map<Kind, RateLimiterConfig> configs = new EnumMap<>(Kind.class);

  public ClientRateLimits(RateLimitProperties properties) {
    for (Kind kind : Kind.values()) {
      int permits =
          switch (kind) {
            case VISITOR -> properties.visitors();
            case WRITE -> properties.writes();
            case LOGIN -> properties.logins();
          };
      configs.put(
          kind,
          RateLimiterConfig.custom()
              .limitForPeriod(permits)
              .limitRefreshPeriod(properties.period())
              .timeoutDuration(Duration.ZERO)
              .build());
      limiters.put(
          kind,
          Caffeine.newBuilder()
              .maximumSize(properties.clients())
              .expireAfterAccess(properties.period().multipliedBy(2))
              .build());
    }
  }

  /**
   * Takes a permit for one request of {@code kind} from {@code remoteAddress}: empty when granted,
   * else how long until the next permit.
   */
  public Optional<Duration> acquire(Kind kind, String remoteAddress) {
    String client = ClientAddress.keyOf(remoteAddress);
    AtomicRateLimiter limiter =
        limiters
            .get(kind)
            .get(client, key -> new AtomicRateLimiter(kind.name() + ":" + key, configs.get(kind)));
    if (limiter.acquirePermission()) {
      return Optional.empty();
    }
    long nanos = Math.max(limiter.getDetailedMetrics().getNanosToWait(), 1);
    return Optional.of(Duration.ofNanos(nanos));
  }

  /** Whole seconds to announce in {@code Retry-After} (rounded up, at least 1). */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /** How many clients each kind currently remembers (bounded by the configuration). */
  long trackedClients(Kind kind) {
    Cache<String, AtomicRateLimiter> cache = limiters.get(kind);
    cache.cleanUp();
    return cache.estimatedSize();
  }
}

package app.movierec.security;

import java.time.Duration;

/** A page's write refused by a rate limit ({@link ClientRateLimits}); try again after the wait. */
public class RateLimitedException extends RuntimeException {

  private final long retryAfterSeconds;

  RateLimitedException(ClientRateLimits.Kind kind, Duration wait) {
    super(
        "Too many "
            + kind.description()
            + " from your address; try again in "
            + ClientRateLimits.retryAfterSeconds(wait)
            + " s.");
    this.retryAfterSeconds = ClientRateLimits.retryAfterSeconds(wait);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}

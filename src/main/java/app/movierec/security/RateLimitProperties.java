package app.movierec.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client rate limits ({@code movierec.rate-limit.*}): how many visitor creations, rating writes
 * and login attempts one client address may make per {@code period}; {@code clients} bounds how
 * many clients are remembered at once (the least recently seen are forgotten first).
 */
@ConfigurationProperties("movierec.rate-limit")
public record RateLimitProperties(
    @DefaultValue("10") int visitors,
    @DefaultValue("120") int writes,
    @DefaultValue("10") int logins,
    @DefaultValue("1m") Duration period,
    @DefaultValue("100000") int clients) {

  public RateLimitProperties {
    if (visitors < 1 || writes < 1 || logins < 1 || clients < 1) {
      throw new IllegalArgumentException(
          "movierec.rate-limit.visitors, writes, logins and clients must be at least 1");
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("movierec.rate-limit.period must be positive");
    }
  }
}

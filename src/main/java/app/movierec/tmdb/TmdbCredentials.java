package app.movierec.tmdb;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The configured TMDB credential and how to send it. TMDB accepts either a v3 API key (a
 * 32-character hex string, sent as the {@code api_key} query parameter) or a v4 read-access token
 * (a JWT, sent as {@code Authorization: Bearer}); the kind is told apart by its shape. The value is
 * only ever used on requests to TMDB's API, and {@link #toString()} never shows it.
 */
public final class TmdbCredentials {

  /** What kind of credential was configured. */
  public enum Kind {
    NONE,
    V3_API_KEY,
    V4_READ_ACCESS_TOKEN
  }

  /** Three base64url segments separated by dots: the shape of a JWT. */
  private static final Pattern JWT =
      Pattern.compile("^[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*$");

  private static final TmdbCredentials NONE = new TmdbCredentials(Kind.NONE, "");

  private final Kind kind;
  private final String secret;

  private TmdbCredentials(Kind kind, String secret) {
    this.kind = kind;
    this.secret = secret;
  }

  /** No credential: the API is never called. */
  public static TmdbCredentials none() {
    return NONE;
  }

  /**
   * Reads a configured value: null or blank means none; a JWT-shaped value (optionally prefixed
   * with "Bearer ") is a v4 token; anything else a v3 key.
   */
  public static TmdbCredentials of(String configured) {
    if (configured == null || configured.isBlank()) {
      return NONE;
    }
    String value = configured.strip();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      value = value.substring(7).strip();
    }
    if (value.isEmpty()) {
      return NONE;
    }
    if (value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      // A value with spaces or control characters cannot be a key; refusing it keeps it out of
      // headers and URLs.
      throw new IllegalArgumentException(
          "The TMDB API key contains whitespace or control characters");
    }
    return new TmdbCredentials(
        JWT.matcher(value).matches() ? Kind.V4_READ_ACCESS_TOKEN : Kind.V3_API_KEY, value);
  }

  public Kind kind() {
    return kind;
  }

  public boolean isPresent() {
    return kind != Kind.NONE;
  }

  /**
   * The query string to append to an API path: {@code ?api_key=...} for a v3 key, empty otherwise.
   * Only for requests to TMDB's API; such URLs must never be logged or shown.
   */
  String apiQuery() {
    return kind == Kind.V3_API_KEY
        ? "?api_key=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)
        : "";
  }

  /** Adds the bearer header for a v4 token; a no-op otherwise. */
  HttpRequest.Builder authorize(HttpRequest.Builder request) {
    return kind == Kind.V4_READ_ACCESS_TOKEN
        ? request.header("Authorization", "Bearer " + secret)
        : request;
  }

  /**
   * {@code text} with every occurrence of the secret replaced, for messages that are about to be
   * logged.
   */
  String redact(String text) {
    if (text == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, "<redacted>")
        .replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "<redacted>");
  }

  @Override
  public String toString() {
    return "TmdbCredentials[" + kind + (isPresent() ? ", <redacted>]" : "]");
  }
}

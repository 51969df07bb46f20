package app.movierec.tmdb;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.util.UriComponentsBuilder;

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
   * Sends {@code request} with the credential: a v3 key as the {@code api_key} query parameter, a
   * v4 token as an {@code Authorization: Bearer} header, nothing without a key. A {@link
   * org.springframework.http.client.ClientHttpRequestInterceptor} for the TMDB API's {@code
   * RestClient} only: the key is added on the way out, so the URI the client builds, logs and puts
   * into its exceptions never holds it.
   */
  ClientHttpResponse authorize(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    return switch (kind) {
      case NONE -> execution.execute(request, body);
      case V3_API_KEY -> execution.execute(withApiKey(request), body);
      case V4_READ_ACCESS_TOKEN -> {
        request.getHeaders().setBearerAuth(secret);
        yield execution.execute(request, body);
      }
    };
  }

  private HttpRequest withApiKey(HttpRequest request) {
    URI uri =
        UriComponentsBuilder.fromUri(request.getURI())
            .queryParam("api_key", URLEncoder.encode(secret, StandardCharsets.UTF_8))
            .build(true)
            .toUri();
    return new HttpRequestWrapper(request) {
      @Override
      public URI getURI() {
        return uri;
      }
    };
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

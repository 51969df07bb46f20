package app.movierec.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's HTTP side for the security tests: keeps cookies (the session), never follows
 * redirects (the tests look at them), posts forms, reads the CSRF token a page carries, and can
 * pretend to come from another address ({@code X-Forwarded-For}, trusted from localhost where the
 * test context sets {@code server.forward-headers-strategy=native}).
 */
final class WebClient {

  /** The operator's password in the tests (its BCrypt hash is in src/test/resources/config). */
  static final String TEST_OPERATOR_PASSWORD = "test-operator-password";

  private static final Pattern CSRF_META =
      Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String base;
  private final String forwardedFor;

  WebClient(int port) {
    this(port, null);
  }

  WebClient(int port, String forwardedFor) {
    this.base = "http://localhost:" + port;
    this.forwardedFor = forwardedFor;
  }

  HttpResponse<String> get(String path) {
    return get(path, null);
  }

  HttpResponse<String> get(String path, String authorization) {
    HttpRequest.Builder request = request(path).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  HttpResponse<String> post(String path, String contentType, String body, String authorization) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return post(path, "application/x-www-form-urlencoded", body, null);
  }

  /**
   * Logs in through the login page's form (with the CSRF token the page carries, as Vaadin's login
   * form sends it) and returns the form post's answer.
   */
  HttpResponse<String> logIn(String user, String password) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", user);
    form.put("password", password);
    form.put("_csrf", csrfToken(get("/login")));
    return postForm("/login", form);
  }

  static String csrfToken(HttpResponse<String> page) {
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher token = CSRF_META.matcher(page.body());
    assertThat(token.find()).as("the page carries Spring's CSRF token").isTrue();
    return token.group(1);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package app.movierec.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the API tests: real requests to the running server, JSON parsed with
 * Jackson; {@link #asVisitor} and {@link #asOperator} send a bearer token or the operator's Basic
 * credentials with every request.
 */
final class ApiClient {

  /** The operator's password in the tests (its hash is in src/test/resources/config). */
  static final String OPERATOR = "admin";

  static final String OPERATOR_PASSWORD = "test-operator-password";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String base;
  private final String authorization;

  ApiClient(int port) {
    this("http://localhost:" + port, null);
  }

  private ApiClient(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** This client sending {@code Authorization: Bearer token}. */
  ApiClient asVisitor(String token) {
    return new ApiClient(base, "Bearer " + token);
  }

  /** This client sending the operator's Basic credentials. */
  ApiClient asOperator() {
    return withBasic(OPERATOR, OPERATOR_PASSWORD);
  }

  ApiClient withBasic(String user, String password) {
    return new ApiClient(
        base,
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** A new visitor's id and token. */
  Visitor newVisitor() {
    JsonNode created = post("/api/users", "").json();
    return new Visitor(created.get("userId").asInt(), created.get("token").asString());
  }

  record Visitor(int userId, String token) {}

  Response get(String path) {
    return send("GET", path, null);
  }

  Response post(String path, String json) {
    return send("POST", path, json);
  }

  Response delete(String path) {
    return send("DELETE", path, null);
  }

  Response send(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request);
  }

  Response send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(
              request.header("Accept", "application/json, application/problem+json").build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String url(String path) {
    return base + path;
  }

  record Response(int status, String contentType, String body, HttpHeaders headers) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }
}

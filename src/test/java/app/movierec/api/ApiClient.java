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

  /**
   * A GET sent over a plain socket, for request targets that {@link java.net.URI} refuses to build
   * (a malformed %-escape) but a hostile client sends anyway.
   */
  Response rawGet(String pathAndQuery) {
    URI uri = URI.create(base);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + pathAndQuery
                      + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int headerEnd = raw.indexOf("\r\n\r\n");
      String[] lines = raw.substring(0, headerEnd).split("\r\n");
      java.util.Map<String, java.util.List<String>> headers =
          new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers
            .computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new java.util.ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
      String body = raw.substring(headerEnd + 4);
      if (headers.getOrDefault("Transfer-Encoding", java.util.List.of()).contains("chunked")) {
        body = dechunk(body);
      }
      return new Response(
          Integer.parseInt(lines[0].split(" ")[1]),
          headers.getOrDefault("Content-Type", java.util.List.of("")).getFirst(),
          body,
          HttpHeaders.of(headers, (name, value) -> true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size); // ASCII problem JSON: chars = bytes
      at = lineEnd + 2 + size + 2;
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

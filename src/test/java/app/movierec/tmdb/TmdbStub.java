package app.movierec.tmdb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for TMDB's API on 127.0.0.1 (random port): answers are scripted per movie id,
 * every request is recorded. Never the real TMDB.
 */
final class TmdbStub implements AutoCloseable {

  /** One scripted answer. */
  sealed interface Answer {}

  record Json(int status, String body, Map<String, String> headers) implements Answer {}

  /** Holds the request until the stub is closed (longer than any client timeout). */
  record Hang() implements Answer {}

  /** Closes the connection without answering. */
  record Drop() implements Answer {}

  /** Holds the request until {@link #release()}, then answers with this poster. */
  record Held(String posterPath) implements Answer {}

  /** A recorded request; {@code receivedNanos} is {@link System#nanoTime()} on arrival. */
  record Request(String path, String query, String authorization, long receivedNanos) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<Long, ConcurrentLinkedDeque<Answer>> scripts = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  TmdbStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/3/movie/", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  static Json poster(long tmdbId, String posterPath) {
    String path = posterPath == null ? "null" : "\"" + posterPath + "\"";
    // belongs_to_collection has its own poster_path, listed first as in TMDB's real answers: it
    // must not be taken.
    return new Json(
        200,
        "{\"adult\":false,\"belongs_to_collection\":{\"id\":10194,\"poster_path\":\"/collection.jpg\"},"
            + "\"id\":"
            + tmdbId
            + ",\"poster_path\":"
            + path
            + ",\"title\":\"Some movie\"}",
        Map.of());
  }

  static Answer status(int status) {
    return new Json(
        status, "{\"status_code\":" + status + ",\"status_message\":\"scripted\"}", Map.of());
  }

  static Answer rateLimited(String retryAfter) {
    return new Json(429, "{\"status_code\":25}", Map.of("Retry-After", retryAfter));
  }

  /** Scripts the next answers for one movie; the last one repeats. */
  TmdbStub on(long tmdbId, Answer... answers) {
    scripts.put(tmdbId, new ConcurrentLinkedDeque<>(List.of(answers)));
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  int requestCount() {
    return requests.size();
  }

  /** Requests being handled right now. */
  int inFlight() {
    return inFlight.get();
  }

  /** The most requests that were ever handled at the same time. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  /** Lets every {@link Held} request (past and future) answer. */
  void release() {
    released.countDown();
  }

  private void handle(HttpExchange exchange) throws IOException {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      answer(exchange);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    long receivedNanos = System.nanoTime();
    String path = exchange.getRequestURI().getPath();
    requests.add(
        new Request(
            path,
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            receivedNanos));
    long tmdbId;
    try {
      tmdbId = Long.parseLong(path.substring("/3/movie/".length()));
    } catch (NumberFormatException e) {
      tmdbId = -1;
    }
    ConcurrentLinkedDeque<Answer> script = scripts.get(tmdbId);
    Answer answer =
        script == null ? status(404) : script.size() > 1 ? script.pollFirst() : script.peekFirst();
    switch (answer) {
      case Json json -> respond(exchange, json);
      case Held held -> {
        await(released);
        respond(exchange, poster(tmdbId, held.posterPath()));
      }
      case Hang hang -> {
        await(closing);
        exchange.close();
      }
      case Drop drop -> exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, Json json) throws IOException {
    byte[] body = json.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
    json.headers().forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(json.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}

package app.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code loadtest} against a stub HTTP server, and {@code evaluate --given} on the mini fixture.
 */
class LoadTestAndColdStartCommandsTest {

  private static final String MINI = "src/test/resources/engine/mini-movielens";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Set<String> requestedPaths = ConcurrentHashMap.newKeySet();
  private final Set<String> postedBodies = ConcurrentHashMap.newKeySet();
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private String startServer(int failingUserId) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/api/users/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requestedPaths.add(path + "?" + exchange.getRequestURI().getQuery());
          boolean fail = path.equals("/api/users/" + failingUserId + "/recommendations");
          byte[] body = (fail ? "{\"status\":404}" : "[]").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(fail ? 404 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/api/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requestedPaths.add(exchange.getRequestMethod() + " " + path);
          String body =
              path.equals("/api/movies")
                  ? "[{\"movieId\":7,\"title\":\"A\"},{\"movieId\":9,\"title\":\"B\"}]"
                  : path.startsWith("/api/movies/") ? "{\"movieId\":7}" : "[]";
          if (exchange.getRequestMethod().equals("POST")) {
            postedBodies.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void loadtest_prints_throughput_latency_percentiles_and_no_errors() throws IOException {
    String url = startServer(-1);

    int code =
        run(
            "loadtest",
            "--url",
            url,
            "--clients",
            "4",
            "--requests",
            "300",
            "--warmup",
            "0",
            "--users",
            "1-5");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("requests/s", "p50", "p90", "p99", "max", "errors 0");
    assertThat(requestedPaths)
        .allSatisfy(
            path ->
                assertThat(path)
                    .matches(
                        "/api/users/[1-5]/recommendations\\?mode=hybrid&alsWeight=0\\.8&n=20"));
  }

  @Test
  void loadtest_counts_non_200_answers_as_errors() throws IOException {
    String url = startServer(2);

    int code =
        run(
            "loadtest",
            "--url",
            url,
            "--clients",
            "2",
            "--requests",
            "200",
            "--warmup",
            "0",
            "--users",
            "2");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("errors 200 (unexpected status 200, I/O 0)", "HTTP 404");
  }

  @Test
  void loadtest_searches_titles_opens_details_and_folds_in_visitors() throws IOException {
    String url = startServer(-1);

    for (String kind : new String[] {"search", "details", "fold-in"}) {
      int code =
          run(
              "loadtest",
              "--url",
              url,
              "--request",
              kind,
              "--clients",
              "2",
              "--requests",
              "40",
              "--warmup",
              "0");
      assertThat(code).as(err.toString()).isZero();
    }

    assertThat(out.toString()).contains("search", "details", "fold-in", "errors 0");
    assertThat(requestedPaths)
        .contains("GET /api/movies", "POST /api/recommendations")
        .containsAnyOf("GET /api/movies/7", "GET /api/movies/9");
    assertThat(postedBodies)
        .allSatisfy(
            body -> assertThat(body).matches("\\[\\{\"movieId\":[79],\"rating\":[0-9.]+\\}.*\\]"));
  }

  @Test
  void loadtest_at_a_rate_spreads_the_requests_over_the_time_they_are_due() throws IOException {
    String url = startServer(-1);
    long start = System.nanoTime();

    int code =
        run(
            "loadtest",
            "--url",
            url,
            "--clients",
            "4",
            "--requests",
            "40",
            "--warmup",
            "0",
            "--rate",
            "100",
            "--users",
            "1-5");

    // the 40th request falls due 0.39 s after the first: no sooner can the run end
    assertThat(code).as(err.toString()).isZero();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(390_000_000L);
    assertThat(out.toString())
        .contains("4 clients at 100 requests/s (open loop)", "p99", "errors 0");
    assertThat(requestedPaths).isNotEmpty();
  }

  @Test
  void loadtest_refuses_a_negative_rate_and_a_rate_with_writes() {
    assertThat(run("loadtest", "--rate", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--rate must be 0 (closed loop) or a positive rate");
    assertThat(run("loadtest", "--rate", "5", "--write-fraction", "0.1")).isEqualTo(2);
    assertThat(err.toString()).contains("--rate drives reads only");
  }

  @Test
  void loadtest_rejects_an_unknown_kind_of_request() {
    assertThat(run("loadtest", "--request", "everything")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--request must be recommendations, search, details or fold-in");
  }

  @Test
  void loadtest_rejects_a_bad_user_range() {
    assertThat(run("loadtest", "--users", "10-1")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--users must be FROM-TO")
        .contains("usage: java -jar movie-recommender.jar loadtest");
  }

  @Test
  void evaluate_given_n_prints_the_cold_start_comparison() {
    int code =
        run(
            "evaluate",
            "--data",
            MINI,
            "--given",
            "2",
            "--cold-users",
            "0.5",
            "--k",
            "3",
            "--factors",
            "4",
            "--iterations",
            "5",
            "--regularization",
            "0.5");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "cold start",
            "2 given ratings each",
            "cold users evaluated",
            "popularity",
            "als",
            "content",
            "hybrid@0.60",
            "nDCG@3");
  }

  private int run(String... args) {
    return Commands.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}

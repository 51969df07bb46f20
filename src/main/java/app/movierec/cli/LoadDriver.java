package app.movierec.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load on a running app's JSON API: {@code clients} threads send requests of one kind
 * back to back until {@code requests} are done, and every latency is kept. Shared by {@code
 * loadtest} and {@code benchmark pipeline}.
 */
final class LoadDriver {

  /** What the clients ask for. */
  enum Kind {
    /** {@code GET /api/users/{random user}/recommendations}. */
    RECOMMENDATIONS("recommendations"),
    /** {@code GET /api/movies?query=...}: title words, prefixes and years. */
    SEARCH("search"),
    /** {@code GET /api/movies/{id}}: the movie and its similar movies by content and by ALS. */
    DETAILS("details"),
    /** {@code POST /api/recommendations} with 5-20 ratings: a visitor's fold-in, nothing stored. */
    FOLD_IN("fold-in");

    final String id;

    Kind(String id) {
      this.id = id;
    }

    static Kind of(String id) {
      for (Kind kind : values()) {
        if (kind.id.equalsIgnoreCase(id) || kind.name().equalsIgnoreCase(id)) {
          return kind;
        }
      }
      throw UserInputException.usage(
          "--request must be recommendations, search, details or fold-in, got '" + id + "'");
    }
  }

  /**
   * Search queries: common title words, prefixes (the last word of a query may be one), and a year
   * with a word. Details and fold-in draw their movies from what these queries find.
   */
  static final List<String> QUERIES =
      List.of(
          "the",
          "love",
          "star",
          "night",
          "man",
          "city",
          "dark",
          "life",
          "war",
          "girl",
          "king",
          "house",
          "dead",
          "day",
          "world",
          "time",
          "story",
          "home",
          "blood",
          "lost",
          "black",
          "white",
          "red",
          "blue",
          "last",
          "summer",
          "christmas",
          "dragon",
          "ghost",
          "secret",
          "lov",
          "sta",
          "nig",
          "dra",
          "mo",
          "a",
          "s",
          "the 1995",
          "love 2005",
          "star war",
          "lord rings",
          "matrix 1999",
          "amelie",
          "toy story",
          "godfather",
          "dark knight",
          "wild",
          "game",
          "island",
          "return");

  private static final Pattern MOVIE_ID = Pattern.compile("\"movieId\"\\s*:\\s*(\\d+)");

  private final HttpClient http;
  private final URI base;

  LoadDriver(HttpClient http, URI base) {
    this.http = http;
    this.base = base;
  }

  static HttpClient client(int clients) {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(Math.max(2, clients / 4)))
        .build();
  }

  /** Latencies (ns, in completion order per slot), wall time, non-200 answers, I/O failures. */
  record Result(
      long[] latencyNanos, long elapsedNanos, long non200, long ioErrors, String firstError) {

    double percentileMillis(double p) {
      long[] sorted = latencyNanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    double requestsPerSecond() {
      return latencyNanos.length / (elapsedNanos / 1e9);
    }

    long errors() {
      return non200 + ioErrors;
    }
  }

  /** The parameters of one kind of request. */
  record Plan(Kind kind, long[] users, String mode, Double alsWeight, int n, int[] movies) {}

  /** Movie ids the search queries find (for details and fold-in), up to {@code limit} per query. */
  int[] moviePool(int limit) throws IOException, InterruptedException {
    Set<Integer> ids = new LinkedHashSet<>();
    for (String query : QUERIES) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(searchUri(query, limit)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        Matcher matcher = MOVIE_ID.matcher(response.body());
        while (matcher.find()) {
          ids.add(Integer.parseInt(matcher.group(1)));
        }
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  Result drive(Plan plan, int clients, int requests, long seed) {
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicLong non200 = new AtomicLong();
    AtomicLong ioErrors = new AtomicLong();
    String[] firstError = new String[1];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003 + c);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    HttpRequest request = request(plan, random);
                    long sent = System.nanoTime();
                    try {
                      HttpResponse<byte[]> response =
                          http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                      if (response.statusCode() != 200) {
                        non200.incrementAndGet();
                        record(
                            firstError,
                            request.method()
                                + " "
                                + request.uri().getPath()
                                + ": HTTP "
                                + response.statusCode());
                      }
                    } catch (IOException e) {
                      ioErrors.incrementAndGet();
                      record(firstError, request.uri().getPath() + ": " + e);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    latencies[i] = System.nanoTime() - sent;
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (Exception e) {
      throw UserInputException.data("load test aborted: " + e);
    } finally {
      pool.shutdownNow();
    }
    return new Result(
        latencies, System.nanoTime() - start, non200.get(), ioErrors.get(), firstError[0]);
  }

  private HttpRequest request(Plan plan, SplittableRandom random) {
    HttpRequest.Builder builder =
        switch (plan.kind()) {
          case RECOMMENDATIONS -> {
            long userId = random.nextLong(plan.users()[0], plan.users()[1] + 1);
            yield HttpRequest.newBuilder(
                    base.resolve("/api/users/" + userId + "/recommendations" + query(plan, "?")))
                .GET();
          }
          case SEARCH ->
              HttpRequest.newBuilder(searchUri(QUERIES.get(random.nextInt(QUERIES.size())), 20))
                  .GET();
          case DETAILS ->
              HttpRequest.newBuilder(
                      base.resolve(
                          "/api/movies/" + plan.movies()[random.nextInt(plan.movies().length)]))
                  .GET();
          case FOLD_IN -> {
            int count = 5 + random.nextInt(16);
            StringBuilder body = new StringBuilder("[");
            Set<Integer> chosen = new LinkedHashSet<>();
            while (chosen.size() < Math.min(count, plan.movies().length)) {
              chosen.add(plan.movies()[random.nextInt(plan.movies().length)]);
            }
            for (int movieId : chosen) {
              if (body.length() > 1) {
                body.append(',');
              }
              body.append("{\"movieId\":")
                  .append(movieId)
                  .append(",\"rating\":")
                  .append(0.5 * (1 + random.nextInt(10)))
                  .append('}');
            }
            body.append(']');
            yield HttpRequest.newBuilder(base.resolve("/api/recommendations" + query(plan, "?")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
          }
        };
    return builder.timeout(Duration.ofSeconds(60)).build();
  }

  private URI searchUri(String query, int limit) {
    return base.resolve(
        "/api/movies?query="
            + URLEncoder.encode(query, StandardCharsets.UTF_8)
            + "&limit="
            + limit);
  }

  private static String query(Plan plan, String prefix) {
    String weight =
        plan.alsWeight() == null
            ? ""
            : String.format(Locale.ROOT, "&alsWeight=%s", plan.alsWeight());
    return prefix + "mode=" + plan.mode() + weight + "&n=" + plan.n();
  }

  private static synchronized void record(String[] firstError, String error) {
    if (firstError[0] == null) {
      firstError[0] = error;
    }
  }
}

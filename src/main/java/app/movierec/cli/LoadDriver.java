package app.movierec.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.concurrent.locks.LockSupport;
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

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private final URI base;

  LoadDriver(URI base) {
    PlainHttp.requirePlainHttp(base); // before any load, not in every client thread
    this.base = base;
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

  /** One request: method, path with query, and the JSON body of a POST (else null). */
  private record Call(String method, String path, byte[] body) {}

  /** Movie ids the search queries find (for details and fold-in), up to {@code limit} per query. */
  int[] moviePool(int limit) throws IOException {
    Set<Integer> ids = new LinkedHashSet<>();
    try (PlainHttp http = new PlainHttp(base, CONNECT_TIMEOUT, READ_TIMEOUT)) {
      for (String query : QUERIES) {
        PlainHttp.Response response = http.get(searchPath(query, limit));
        if (response.status() == 200) {
          Matcher matcher = MOVIE_ID.matcher(response.text());
          while (matcher.find()) {
            ids.add(Integer.parseInt(matcher.group(1)));
          }
        }
      }
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Closed loop: each client sends its next request as soon as the previous one is answered. */
  Result drive(Plan plan, int clients, int requests, long seed) {
    return drive(plan, clients, requests, 0, seed);
  }

  /**
   * With {@code rate > 0}, open loop: request {@code i} is due {@code i / rate} seconds after the
   * start, whichever client is free takes it, and its latency counts from when it was due, so time
   * spent waiting for a free client counts too (no "coordinated omission": a stalled server cannot
   * hide its queue by slowing the clients down). With {@code rate == 0}, closed loop.
   */
  Result drive(Plan plan, int clients, int requests, double rate, long seed) {
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicLong non200 = new AtomicLong();
    AtomicLong ioErrors = new AtomicLong();
    String[] firstError = new String[1];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    double nanosApart = rate > 0 ? 1e9 / rate : 0;
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003 + c);
        futures.add(
            pool.submit(
                () -> {
                  try (PlainHttp http = new PlainHttp(base, CONNECT_TIMEOUT, READ_TIMEOUT)) {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                      Call call = call(plan, random);
                      long sent;
                      if (rate > 0) {
                        sent = start + (long) (i * nanosApart);
                        long wait = sent - System.nanoTime();
                        if (wait > 0) {
                          LockSupport.parkNanos(wait);
                        }
                      } else {
                        sent = System.nanoTime();
                      }
                      try {
                        PlainHttp.Response response =
                            call.body() == null
                                ? http.get(call.path())
                                : http.post(call.path(), "application/json", call.body());
                        if (response.status() != 200) {
                          non200.incrementAndGet();
                          record(
                              firstError,
                              call.method() + " " + call.path() + ": HTTP " + response.status());
                        }
                      } catch (IOException e) {
                        ioErrors.incrementAndGet();
                        record(firstError, call.method() + " " + call.path() + ": " + e);
                      }
                      latencies[i] = System.nanoTime() - sent;
                    }
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

  private Call call(Plan plan, SplittableRandom random) {
    return switch (plan.kind()) {
      case RECOMMENDATIONS -> {
        long userId = random.nextLong(plan.users()[0], plan.users()[1] + 1);
        yield new Call("GET", "/api/users/" + userId + "/recommendations" + query(plan, "?"), null);
      }
      case SEARCH ->
          new Call("GET", searchPath(QUERIES.get(random.nextInt(QUERIES.size())), 20), null);
      case DETAILS ->
          new Call(
              "GET", "/api/movies/" + plan.movies()[random.nextInt(plan.movies().length)], null);
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
        yield new Call(
            "POST",
            "/api/recommendations" + query(plan, "?"),
            body.toString().getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  private static String searchPath(String query, int limit) {
    return "/api/movies?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8)
        + "&limit="
        + limit;
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

package app.movierec.cli;

import app.movierec.recommend.Mode;
import app.movierec.recommend.hybrid.BlendWeights;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code loadtest}: closed-loop load on a running app's JSON API. {@code --clients} threads each
 * send requests back to back until {@code --requests} are done (after an unmeasured warm-up), then
 * it prints throughput, latency percentiles and the error count (unexpected answers and I/O
 * failures). {@code --request} chooses what they ask for: a random user's recommendations (users
 * drawn uniformly from {@code --users FROM-TO}), a title search, a movie's details with its similar
 * movies, or a visitor's fold-in (5-20 ratings posted, nothing stored); details and fold-in use the
 * movies that the search queries find.
 *
 * <p>With {@code --rate R} the load is open: requests fall due R times a second, whichever client
 * is free sends the next one, and each latency counts from when it fell due. Closed-loop clients
 * find the most the app can answer (and then latency is just clients / throughput); a rate below
 * that shows the latency users see at that load.
 *
 * <p>With {@code --write-fraction F} it mixes in writes as visitors do: every client first creates
 * a visitor ({@code POST /api/users}, whose token it sends as {@code Authorization: Bearer}) and
 * picks the movies it will rate from that visitor's first recommendations; then a fraction F of its
 * requests are {@code POST /api/users/{its visitor}/ratings} of one of them (201 expected). {@code
 * --retrain-at P} has the operator ({@code --operator}, password read from {@code
 * --operator-password-file}) ask for a retrain once P of the requests are done (202 expected). At
 * the end each client reads its visitor's stored ratings back and compares them with the last
 * rating it got a 201 for, per movie: a missing or different one is a lost rating.
 */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Send API requests to a running app from many threads; print latency.")
final class LoadTestCommand implements Callable<Integer> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://localhost:8080",
      description = "the app (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--request",
      paramLabel = "KIND",
      defaultValue = "recommendations",
      description = "recommendations, search, details or fold-in (default: ${DEFAULT-VALUE})")
  String request;

  @Option(
      names = "--clients",
      paramLabel = "N",
      defaultValue = "32",
      description = "concurrent clients (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(
      names = "--rate",
      paramLabel = "R",
      defaultValue = "0",
      description =
          "open loop: R requests a second in all, each timed from when it was due; 0 = closed loop,"
              + " each client sends again as soon as it has its answer (default: ${DEFAULT-VALUE})")
  double rate;

  @Option(
      names = "--requests",
      paramLabel = "N",
      defaultValue = "20000",
      description = "measured requests (default: ${DEFAULT-VALUE})")
  int requests;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "2000",
      description = "unmeasured requests first (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(
      names = "--users",
      paramLabel = "FROM-TO",
      defaultValue = "1-610",
      description = "userIds to draw from, uniformly (default: ${DEFAULT-VALUE})")
  String users;

  @Option(
      names = "--mode",
      paramLabel = "als|content|hybrid",
      converter = ModeOption.class,
      defaultValue = "hybrid",
      description = "the recommendations' mode (default: ${DEFAULT-VALUE})")
  Mode mode;

  @Option(
      names = "--als-weight",
      paramLabel = "W",
      defaultValue = "" + BlendWeights.DEFAULT_ALS_WEIGHT,
      description = "the hybrid's ALS weight (default: ${DEFAULT-VALUE})")
  double alsWeight;

  @Option(
      names = "--n",
      paramLabel = "N",
      defaultValue = "20",
      description = "movies per request (default: ${DEFAULT-VALUE})")
  int n;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "seed of the user draw (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--write-fraction",
      paramLabel = "F",
      defaultValue = "0",
      description =
          "fraction of the measured requests that are rating writes by the clients' own visitors"
              + " (default: ${DEFAULT-VALUE})")
  double writeFraction;

  @Option(
      names = "--retrain-at",
      paramLabel = "P",
      description =
          "ask for a retrain once this fraction of the measured requests is done (e.g. 0.5);"
              + " needs --operator-password-file")
  Double retrainAt;

  @Option(
      names = "--operator",
      paramLabel = "USER",
      defaultValue = "admin",
      description = "the operator's user name, for --retrain-at (default: ${DEFAULT-VALUE})")
  String operator;

  @Option(
      names = "--operator-password-file",
      paramLabel = "FILE",
      description = "a file holding the operator's password (kept off the command line)")
  Path operatorPasswordFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (clients < 1 || clients > 1024 || requests < 1 || warmup < 0 || n < 1 || n > 100) {
      throw UserInputException.usage(
          "--clients must be 1-1024, --requests at least 1, --warmup at least 0, --n 1-100");
    }
    if (!(rate >= 0 && rate <= 1_000_000)) {
      throw UserInputException.usage("--rate must be 0 (closed loop) or a positive rate");
    }
    if (!(writeFraction >= 0 && writeFraction <= 1)) {
      throw UserInputException.usage("--write-fraction must lie in 0..1");
    }
    if (retrainAt != null && !(retrainAt >= 0 && retrainAt < 1)) {
      throw UserInputException.usage("--retrain-at must lie in 0..1 (below 1)");
    }
    if (retrainAt != null && operatorPasswordFile == null) {
      throw UserInputException.usage("--retrain-at needs --operator-password-file");
    }
    LoadDriver.Kind kind = LoadDriver.Kind.of(request);
    boolean mixed = writeFraction > 0 || retrainAt != null;
    if (!mixed) {
      return readsOnly(out, kind);
    }
    if (rate > 0) {
      throw UserInputException.usage(
          "--rate drives reads only, not --write-fraction or --retrain-at");
    }
    if (kind != LoadDriver.Kind.RECOMMENDATIONS) {
      throw UserInputException.usage(
          "--write-fraction and --retrain-at mix writes into --request recommendations only");
    }
    String operatorAuthorization =
        retrainAt == null ? null : basic(operator, readPassword(operatorPasswordFile));
    long[] userRange = userRange(users);
    URI base = URI.create(url.replaceAll("/+$", ""));
    String modeName = mode.id();

    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(Math.max(2, clients / 4)))
            .build();
    out.printf(
        Locale.ROOT,
        "loadtest: %s, %d clients, %d requests (+%d warm-up), users %d-%d, mode %s, n %d,"
            + " writes %.0f%%%s%n",
        base,
        clients,
        requests,
        warmup,
        userRange[0],
        userRange[1],
        modeName,
        n,
        writeFraction * 100,
        retrainAt == null
            ? ""
            : String.format(Locale.ROOT, ", retrain at %.0f%%", retrainAt * 100));
    Load load =
        new Load(
            http, base, userRange, modeName, alsWeight, n, writeFraction, operatorAuthorization);
    Client[] visitors = new Client[clients];
    for (int c = 0; c < clients; c++) {
      visitors[c] = writeFraction > 0 ? load.newVisitor() : null;
    }
    if (warmup > 0) {
      load.drive(visitors, warmup, 0, null, seed + 1);
    }
    Integer retrainIndex = retrainAt == null ? null : (int) Math.floor(retrainAt * requests);
    Result result = load.drive(visitors, requests, writeFraction, retrainIndex, seed);
    out.printf(
        Locale.ROOT,
        "requests %d in %.2f s: %.0f requests/s%n",
        requests,
        result.elapsedNanos / 1e9,
        requests / (result.elapsedNanos / 1e9));
    printLatencies(out, "latency ms", result.latencyNanos, null, false);
    if (writeFraction > 0) {
      printLatencies(out, "  reads    ", result.latencyNanos, result.writes, false);
      printLatencies(out, "  writes   ", result.latencyNanos, result.writes, true);
    }
    out.printf(
        Locale.ROOT,
        "errors %d (unexpected status %d, I/O %d)%n",
        result.non200 + result.ioErrors,
        result.non200,
        result.ioErrors);
    if (result.firstError != null) {
      out.println("first error: " + result.firstError);
    }
    if (retrainIndex != null) {
      out.println(
          result.retrain == null
              ? "retrain: not asked for (the run ended first)"
              : "retrain: " + result.retrain);
    }
    if (writeFraction > 0) {
      Verification verified = load.verify(visitors);
      out.printf(
          Locale.ROOT,
          "ratings: %d writes answered 201 by %d visitors; read back %d distinct ratings, lost %d%n",
          result.writesStored,
          clients,
          verified.checked,
          verified.lost);
      if (verified.firstLoss != null) {
        out.println("first lost rating: " + verified.firstLoss);
      }
    }
    return Commands.EXIT_OK;
  }

  private static void printLatencies(
      PrintWriter out, String label, long[] latencies, boolean[] writes, boolean wantWrites) {
    long[] sorted =
        java.util.stream.IntStream.range(0, latencies.length)
            .filter(i -> writes == null || writes[i] == wantWrites)
            .mapToLong(i -> latencies[i])
            .sorted()
            .toArray();
    if (sorted.length == 0) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "%s: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  mean %.2f  (%d requests)%n",
        label,
        percentile(sorted, 0.50),
        percentile(sorted, 0.90),
        percentile(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6,
        Arrays.stream(sorted).average().orElse(0) / 1e6,
        sorted.length);
  }

  private static String readPassword(Path file) {
    try {
      String password = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (password.isEmpty()) {
        throw UserInputException.usage("--operator-password-file " + file + " is empty");
      }
      return password;
    } catch (IOException e) {
      throw UserInputException.usage("cannot read --operator-password-file " + file + ": " + e);
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private record Result(
      long[] latencyNanos,
      boolean[] writes,
      long elapsedNanos,
      long non200,
      long ioErrors,
      long writesStored,
      String firstError,
      String retrain) {}

  private record Verification(long checked, long lost, String firstLoss) {}

  /** One client's visitor: the token, the movies it rates, and what the server confirmed. */
  private record Client(
      int userId, String authorization, int[] movies, Map<Integer, Double> stored) {}

  /** The requests of one load test against one app. */
  private record Load(
      HttpClient http,
      URI base,
      long[] users,
      String mode,
      double alsWeight,
      int n,
      double writeFraction,
      String operatorAuthorization) {

    Client newVisitor() {
      HttpResponse<String> created = send(post("/api/users", "", null));
      if (created.statusCode() != 201) {
        throw UserInputException.data(
            "creating a visitor answered HTTP "
                + created.statusCode()
                + " (a rate limit? start the app with a higher"
                + " movierec.rate-limit.visitors for the load test): "
                + created.body());
      }
      JsonNode visitor = JSON.readTree(created.body());
      int userId = visitor.get("userId").asInt();
      String authorization = "Bearer " + visitor.get("token").asString();
      HttpResponse<String> popular =
          send(get("/api/users/" + userId + "/recommendations?n=100", null));
      if (popular.statusCode() != 200) {
        throw UserInputException.data(
            "the first recommendations of visitor "
                + userId
                + " answered HTTP "
                + popular.statusCode());
      }
      int[] movies = new int[JSON.readTree(popular.body()).size()];
      int i = 0;
      for (JsonNode movie : JSON.readTree(popular.body())) {
        movies[i++] = movie.get("movieId").asInt();
      }
      if (movies.length == 0) {
        throw UserInputException.data("the app recommends no movies to rate");
      }
      return new Client(userId, authorization, movies, new ConcurrentHashMap<>());
    }

    Result drive(Client[] visitors, int requests, double writes, Integer retrainIndex, long seed) {
      long[] latencies = new long[requests];
      boolean[] isWrite = new boolean[requests];
      AtomicInteger next = new AtomicInteger();
      AtomicLong non200 = new AtomicLong();
      AtomicLong ioErrors = new AtomicLong();
      AtomicLong stored = new AtomicLong();
      String[] firstError = new String[1];
      String[] retrain = new String[1];
      int clients = visitors.length;
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long start = System.nanoTime();
      try {
        Future<?>[] futures = new Future<?>[clients];
        for (int c = 0; c < clients; c++) {
          SplittableRandom random = new SplittableRandom(seed * 1_000_003 + c);
          Client visitor = visitors[c];
          futures[c] =
              pool.submit(
                  () -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                      if (retrainIndex != null && i == retrainIndex) {
                        retrain[0] = retrain(start);
                      }
                      boolean write = visitor != null && random.nextDouble() < writes;
                      isWrite[i] = write;
                      int movieId = 0;
                      double stars = 0;
                      HttpRequest request;
                      String what;
                      if (write) {
                        movieId = visitor.movies[random.nextInt(visitor.movies.length)];
                        stars = (1 + random.nextInt(10)) / 2.0;
                        what = "visitor " + visitor.userId + " rates " + movieId;
                        request =
                            post(
                                "/api/users/" + visitor.userId + "/ratings",
                                String.format(
                                    Locale.ROOT,
                                    "{\"movieId\":%d,\"rating\":%.1f}",
                                    movieId,
                                    stars),
                                visitor.authorization);
                      } else {
                        long userId = random.nextLong(users[0], users[1] + 1);
                        what = "user " + userId;
                        request =
                            get(
                                String.format(
                                    Locale.ROOT,
                                    "/api/users/%d/recommendations?mode=%s&alsWeight=%s&n=%d",
                                    userId,
                                    mode,
                                    alsWeight,
                                    n),
                                null);
                      }
                      long sent = System.nanoTime();
                      try {
                        HttpResponse<byte[]> response =
                            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        int expected = write ? 201 : 200;
                        if (response.statusCode() != expected) {
                          non200.incrementAndGet();
                          record(firstError, what + ": HTTP " + response.statusCode());
                        } else if (write) {
                          // one client writes its visitor's ratings in order: the last 201 wins
                          visitor.stored.put(movieId, stars);
                          stored.incrementAndGet();
                        }
                      } catch (IOException e) {
                        ioErrors.incrementAndGet();
                        record(firstError, what + ": " + e);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                      }
                      latencies[i] = System.nanoTime() - sent;
                    }
                  });
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
          latencies,
          isWrite,
          System.nanoTime() - start,
          non200.get(),
          ioErrors.get(),
          stored.get(),
          firstError[0],
          retrain[0]);
    }

    private String retrain(long runStart) {
      long sent = System.nanoTime();
      HttpResponse<String> answer = send(post("/api/admin/retrain", "", operatorAuthorization));
      return String.format(
          Locale.ROOT,
          "asked at %.2f s into the run, HTTP %d in %.1f ms%s",
          (sent - runStart) / 1e9,
          answer.statusCode(),
          (System.nanoTime() - sent) / 1e6,
          answer.statusCode() == 202 ? "" : ": " + answer.body());
    }

    Verification verify(Client[] visitors) {
      long checked = 0;
      long lost = 0;
      String firstLoss = null;
      for (Client visitor : visitors) {
        HttpResponse<String> answer =
            send(get("/api/users/" + visitor.userId + "/ratings", visitor.authorization));
        Map<Integer, Double> read = new HashMap<>();
        if (answer.statusCode() == 200) {
          for (JsonNode rating : JSON.readTree(answer.body())) {
            read.put(rating.get("movieId").asInt(), rating.get("rating").asDouble());
          }
        }
        for (Map.Entry<Integer, Double> expected : visitor.stored.entrySet()) {
          checked++;
          Double found = read.get(expected.getKey());
          if (!expected.getValue().equals(found)) {
            lost++;
            if (firstLoss == null) {
              firstLoss =
                  "visitor "
                      + visitor.userId
                      + ", movie "
                      + expected.getKey()
                      + ": confirmed "
                      + expected.getValue()
                      + ", read back "
                      + (found == null ? "nothing" : found)
                      + (answer.statusCode() == 200 ? "" : " (HTTP " + answer.statusCode() + ")");
            }
          }
        }
      }
      return new Verification(checked, lost, firstLoss);
    }

    private HttpRequest get(String path, String authorization) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return request.build();
    }

    private HttpRequest post(String path, String json, String authorization) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw UserInputException.data(request.method() + " " + request.uri() + " failed: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw UserInputException.data("interrupted");
      }
    }
  }

  private static synchronized void record(String[] firstError, String error) {
    if (firstError[0] == null) {
      firstError[0] = error;
    }
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /** Reads of one kind through {@link LoadDriver} (shared with {@code benchmark pipeline}). */
  private Integer readsOnly(PrintWriter out, LoadDriver.Kind kind) {
    long[] userRange = userRange(users);
    URI base = URI.create(url.replaceAll("/+$", ""));
    LoadDriver driver = new LoadDriver(base);
    int[] movies = new int[0];
    if (kind == LoadDriver.Kind.DETAILS || kind == LoadDriver.Kind.FOLD_IN) {
      try {
        movies = driver.moviePool(100);
      } catch (IOException e) {
        throw UserInputException.data("cannot reach " + base + ": " + e.getMessage());
      }
      if (movies.length == 0) {
        throw UserInputException.data("the title search found no movies to ask about");
      }
    }
    LoadDriver.Plan plan = new LoadDriver.Plan(kind, userRange, mode.id(), alsWeight, n, movies);
    out.printf(
        Locale.ROOT,
        "loadtest: %s, %s, %d clients%s, %d requests (+%d warm-up)%s%n",
        base,
        kind.id,
        clients,
        rate > 0
            ? String.format(Locale.ROOT, " at %.0f requests/s (open loop)", rate)
            : " (closed loop)",
        requests,
        warmup,
        switch (kind) {
          case RECOMMENDATIONS ->
              String.format(
                  Locale.ROOT,
                  ", users %d-%d, mode %s, n %d",
                  userRange[0],
                  userRange[1],
                  mode.id(),
                  n);
          case SEARCH -> ", " + LoadDriver.QUERIES.size() + " queries";
          case DETAILS, FOLD_IN -> ", " + movies.length + " movies found by search";
        });
    if (warmup > 0) {
      driver.drive(plan, clients, warmup, rate, seed + 1);
    }
    LoadDriver.Result result = driver.drive(plan, clients, requests, rate, seed);
    out.printf(
        Locale.ROOT,
        "requests %d in %.2f s: %.0f requests/s%n",
        requests,
        result.elapsedNanos() / 1e9,
        result.requestsPerSecond());
    out.printf(
        Locale.ROOT,
        "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  mean %.2f%n",
        result.percentileMillis(0.50),
        result.percentileMillis(0.90),
        result.percentileMillis(0.99),
        result.percentileMillis(1.0),
        Arrays.stream(result.latencyNanos()).average().orElse(0) / 1e6);
    out.printf(
        Locale.ROOT,
        "errors %d (unexpected status %d, I/O %d)%n",
        result.errors(),
        result.non200(),
        result.ioErrors());
    if (result.firstError() != null) {
      out.println("first error: " + result.firstError());
    }
    return Commands.EXIT_OK;
  }

  static long[] userRange(String range) {
    String[] parts = range.split("-", -1);
    try {
      long from = Long.parseLong(parts[0].trim());
      long to = parts.length == 2 ? Long.parseLong(parts[1].trim()) : from;
      if (parts.length > 2 || from < 1 || to < from) {
        throw new NumberFormatException();
      }
      return new long[] {from, to};
    } catch (NumberFormatException e) {
      throw UserInputException.usage("--users must be FROM-TO (e.g. 1-610), got '" + range + "'");
    }
  }
}

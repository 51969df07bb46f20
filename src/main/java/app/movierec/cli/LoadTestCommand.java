package app.movierec.cli;

import app.movierec.recommend.BlendWeights;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code loadtest}: closed-loop load on a running app's JSON API. {@code --clients} threads each
 * send {@code GET /api/users/{random user}/recommendations} back to back until {@code --requests}
 * are done (after an unmeasured warm-up), then it prints throughput, latency percentiles and the
 * error count (non-200 answers and I/O failures). The users are drawn uniformly from {@code --users
 * FROM-TO}.
 */
final class LoadTestCommand {

  private LoadTestCommand() {}

  static void run(String[] args, PrintStream out) {
    Options options =
        Options.parse(
            args,
            Set.of(
                "url",
                "clients",
                "requests",
                "users",
                "warmup",
                "mode",
                "als-weight",
                "n",
                "seed"));
    String url = options.string("url", "http://localhost:8080").replaceAll("/+$", "");
    int clients = options.integer("clients", 32, 1, 1024);
    int requests = options.integer("requests", 20_000, 1, 100_000_000);
    int warmup = options.integer("warmup", 2_000, 0, 100_000_000);
    String mode = options.string("mode", "hybrid");
    double alsWeight = options.number("als-weight", BlendWeights.DEFAULT_ALS_WEIGHT, 0, 1);
    int n = options.integer("n", 20, 1, 100);
    long seed = options.longValue("seed", 42);
    long[] users = userRange(options.string("users", "1-610"));
    URI base = URI.create(url);

    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(Math.max(2, clients / 4)))
            .build();
    out.printf(
        Locale.ROOT,
        "loadtest: %s, %d clients, %d requests (+%d warm-up), users %d-%d, mode %s, n %d%n",
        base,
        clients,
        requests,
        warmup,
        users[0],
        users[1],
        mode,
        n);
    if (warmup > 0) {
      drive(http, base, clients, warmup, users, mode, alsWeight, n, seed + 1);
    }
    Result result = drive(http, base, clients, requests, users, mode, alsWeight, n, seed);
    long[] sorted = result.latencyNanos.clone();
    Arrays.sort(sorted);
    out.printf(
        Locale.ROOT,
        "requests %d in %.2f s: %.0f requests/s%n",
        requests,
        result.elapsedNanos / 1e9,
        requests / (result.elapsedNanos / 1e9));
    out.printf(
        Locale.ROOT,
        "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  mean %.2f%n",
        percentile(sorted, 0.50),
        percentile(sorted, 0.90),
        percentile(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6,
        Arrays.stream(sorted).average().orElse(0) / 1e6);
    out.printf(
        Locale.ROOT,
        "errors %d (non-200 %d, I/O %d)%n",
        result.non200 + result.ioErrors,
        result.non200,
        result.ioErrors);
    if (result.firstError != null) {
      out.println("first error: " + result.firstError);
    }
  }

  private record Result(
      long[] latencyNanos, long elapsedNanos, long non200, long ioErrors, String firstError) {}

  private static Result drive(
      HttpClient http,
      URI base,
      int clients,
      int requests,
      long[] users,
      String mode,
      double alsWeight,
      int n,
      long seed) {
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicLong non200 = new AtomicLong();
    AtomicLong ioErrors = new AtomicLong();
    String[] firstError = new String[1];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      Future<?>[] futures = new Future<?>[clients];
      for (int c = 0; c < clients; c++) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003 + c);
        futures[c] =
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long userId = random.nextLong(users[0], users[1] + 1);
                    HttpRequest request =
                        HttpRequest.newBuilder(
                                base.resolve(
                                    String.format(
                                        Locale.ROOT,
                                        "/api/users/%d/recommendations?mode=%s&alsWeight=%s&n=%d",
                                        userId,
                                        mode,
                                        alsWeight,
                                        n)))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build();
                    long sent = System.nanoTime();
                    try {
                      HttpResponse<byte[]> response =
                          http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                      if (response.statusCode() != 200) {
                        non200.incrementAndGet();
                        record(firstError, userId + ": HTTP " + response.statusCode());
                      }
                    } catch (IOException e) {
                      ioErrors.incrementAndGet();
                      record(firstError, userId + ": " + e);
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
        latencies, System.nanoTime() - start, non200.get(), ioErrors.get(), firstError[0]);
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

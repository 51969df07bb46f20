package app.movierec.cli;

import app.movierec.recommend.Mode;
import app.movierec.recommend.hybrid.BlendWeights;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loadtest}: closed-loop load on a running app's JSON API. {@code --clients} threads each
 * send {@code GET /api/users/{random user}/recommendations} back to back until {@code --requests}
 * are done (after an unmeasured warm-up), then it prints throughput, latency percentiles and the
 * error count (non-200 answers and I/O failures). The users are drawn uniformly from {@code --users
 * FROM-TO}.
 */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Send recommendation requests to a running app from many threads; print latency.")
final class LoadTestCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://localhost:8080",
      description = "the app (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--clients",
      paramLabel = "N",
      defaultValue = "32",
      description = "concurrent clients (default: ${DEFAULT-VALUE})")
  int clients;

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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (clients < 1 || clients > 1024 || requests < 1 || warmup < 0 || n < 1 || n > 100) {
      throw UserInputException.usage(
          "--clients must be 1-1024, --requests at least 1, --warmup at least 0, --n 1-100");
    }
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
        "loadtest: %s, %d clients, %d requests (+%d warm-up), users %d-%d, mode %s, n %d%n",
        base,
        clients,
        requests,
        warmup,
        userRange[0],
        userRange[1],
        modeName,
        n);
    if (warmup > 0) {
      drive(http, base, clients, warmup, userRange, modeName, alsWeight, n, seed + 1);
    }
    Result result = drive(http, base, clients, requests, userRange, modeName, alsWeight, n, seed);
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
    return Commands.EXIT_OK;
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

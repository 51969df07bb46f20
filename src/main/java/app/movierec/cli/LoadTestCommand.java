package app.movierec.cli;

import app.movierec.recommend.Mode;
import app.movierec.recommend.hybrid.BlendWeights;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loadtest}: closed-loop load on a running app's JSON API. {@code --clients} threads each
 * send requests back to back until {@code --requests} are done (after an unmeasured warm-up), then
 * it prints throughput, latency percentiles and the error count (non-200 answers and I/O failures).
 * {@code --request} chooses what they ask for: a random user's recommendations (users drawn
 * uniformly from {@code --users FROM-TO}), a title search, a movie's details with its similar
 * movies, or a visitor's fold-in (5-20 ratings posted, nothing stored); details and fold-in use the
 * movies that the search queries find.
 */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Send API requests to a running app from many threads; print latency.")
final class LoadTestCommand implements Callable<Integer> {

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
    LoadDriver.Kind kind = LoadDriver.Kind.of(request);
    long[] userRange = userRange(users);
    URI base = URI.create(url.replaceAll("/+$", ""));
    LoadDriver driver = new LoadDriver(LoadDriver.client(clients), base);
    int[] movies = new int[0];
    if (kind == LoadDriver.Kind.DETAILS || kind == LoadDriver.Kind.FOLD_IN) {
      try {
        movies = driver.moviePool(100);
      } catch (IOException e) {
        throw UserInputException.data("cannot reach " + base + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw UserInputException.data("interrupted");
      }
      if (movies.length == 0) {
        throw UserInputException.data("the title search found no movies to ask about");
      }
    }
    LoadDriver.Plan plan = new LoadDriver.Plan(kind, userRange, mode.id(), alsWeight, n, movies);
    out.printf(
        Locale.ROOT,
        "loadtest: %s, %s, %d clients, %d requests (+%d warm-up)%s%n",
        base,
        kind.id,
        clients,
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
      driver.drive(plan, clients, warmup, seed + 1);
    }
    LoadDriver.Result result = driver.drive(plan, clients, requests, seed);
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
        "errors %d (non-200 %d, I/O %d)%n",
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

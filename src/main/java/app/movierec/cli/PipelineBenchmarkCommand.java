package app.movierec.cli;

import app.movierec.common.ProgressListener;
import app.movierec.synthetic.MovieLensSynthesizer;
import app.movierec.synthetic.SyntheticShape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark pipeline}: the whole pipeline on a synthetic set of N ratings, stage by stage.
 * It synthesizes the folder in a temporary directory, starts the app on it in a child JVM (its own
 * heap, {@code --xmx}), and times what the app logs and answers: the import, reading the training
 * data, choosing the blend, ALS (seconds per iteration, wall and CPU), the content model, the first
 * recommendation, then serving under load (recommendations, title search, details with similar
 * movies, visitor fold-in: p50/p99 from {@code --clients} clients), the peak RSS, and a second
 * start on the same data (snapshot and saved model). The temporary directory is deleted at the end
 * unless {@code --keep}.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Synthesize N ratings in a temporary folder, start the app on them in a child JVM and print"
          + " each stage: generate, import, load training data, ALS seconds per iteration,"
          + " content build, first recommendation, serving p50/p99, second start.",
      "The temporary folder is deleted at the end."
    })
final class PipelineBenchmarkCommand implements Callable<Integer> {

  private static final Pattern STAGE =
      Pattern.compile(
          "Stage (.+?): ([\\d.]+) s wall, ([\\d.]+) s CPU, peak heap ([\\d,]+) MB(?: \\((.*)\\))?");

  /** The app's log line when a first start serves before it learns the blend (ModelLifecycle). */
  private static final String LEARNING_AFTER_SERVING =
      "learning the blend weights in the background";

  private static final Pattern PORT = Pattern.compile("started on port (\\d+)");
  private static final Pattern HEAP =
      Pattern.compile("Heap estimate: about ([\\d,]+) MB for .*\\(-Xmx(\\d+g)\\)");
  private static final Pattern ITERATIONS = Pattern.compile("(\\d+) iterations");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--ratings",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "synthetic ratings, ML-25M's proportions (default: ${DEFAULT-VALUE})")
  long ratings;

  @Option(
      names = "--xmx",
      paramLabel = "SIZE",
      defaultValue = "6g",
      description = "the app's heap (default: ${DEFAULT-VALUE})")
  String xmx;

  @Option(
      names = "--clients",
      paramLabel = "N",
      defaultValue = "32",
      description = "concurrent clients of the serving test (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(
      names = "--requests",
      paramLabel = "N",
      defaultValue = "3000",
      description = "measured requests per kind (default: ${DEFAULT-VALUE})")
  int requests;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "1000",
      description = "unmeasured requests per kind first (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "where the temporary folder goes (default: the system's temporary folder)")
  Path workDir;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "seed of the synthetic data (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--app-arg",
      paramLabel = "ARG",
      description = "an extra argument for the app, e.g. --app-arg=--movierec.als.iterations=5")
  List<String> appArgs = new ArrayList<>();

  @Option(names = "--no-restart", description = "skip the second start")
  boolean noRestart;

  @Option(names = "--keep", description = "keep the temporary folder (data, database, models)")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (ratings < 1 || clients < 1 || requests < 1 || warmup < 0) {
      throw UserInputException.usage(
          "--ratings, --clients and --requests must be at least 1, --warmup at least 0");
    }
    SyntheticShape shape = SyntheticShape.scaledTo(ratings);
    Path parent = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
    Files.createDirectories(parent);
    Path work = Files.createTempDirectory(parent, "movierec-pipeline-");
    out.printf(
        Locale.ROOT,
        "pipeline: %,d ratings, %,d users, %,d movies, %,d tags, genome %,d x %,d; app heap -Xmx%s;"
            + " %d cores; work folder %s%n",
        shape.ratings(),
        shape.users(),
        shape.movies(),
        shape.tags(),
        shape.genomeMovies(),
        shape.genomeTags(),
        xmx,
        Runtime.getRuntime().availableProcessors(),
        work);
    try {
      long cpu = ownCpuNanos();
      MovieLensSynthesizer.Summary summary =
          new MovieLensSynthesizer(shape, seed).write(work.resolve("data"), ProgressListener.NONE);
      row(
          out,
          "generate",
          summary.elapsed().toNanos() / 1e9,
          (ownCpuNanos() - cpu) / 1e9,
          String.format(Locale.ROOT, "%,d MB of CSV", summary.bytes() >> 20));

      ChildApp first = ChildApp.start(work, xmx, appArgs, "first");
      try {
        Timeline started = first.await("Started Application", Duration.ofMinutes(10));
        row(out, "app start (Spring, web server)", started.seconds(), started.cpuSeconds(), "");
        Timeline imported = first.await("preparing the recommender", Duration.ofMinutes(120));
        row(
            out,
            "import",
            imported.seconds() - started.seconds(),
            imported.cpuSeconds() - started.cpuSeconds(),
            "database " + (folderBytes(work.resolve("db")) >> 20) + " MB");
        URI base = first.baseUri();
        Timeline firstAnswer =
            first.awaitRecommendation(HttpClient.newHttpClient(), base, Duration.ofMinutes(120));
        if (first.lines().stream().anyMatch(line -> line.contains(LEARNING_AFTER_SERVING))) {
          // the serving figures must not share the cores with the blend being learned
          first.await("Stage choose blend", Duration.ofMinutes(120));
        }
        for (String line : first.lines()) {
          printIfStage(out, line);
        }
        row(
            out,
            "first recommendation",
            firstAnswer.seconds(),
            firstAnswer.cpuSeconds(),
            "since the JVM started (import + training + content model + serving)");
        serve(out, new LoadDriver(base), shape, first);
        out.printf(
            Locale.ROOT,
            "%-44s %,d MB (VmHWM of the app's process)%n",
            "peak RSS",
            first.peakRssKilobytes() >> 10);
      } finally {
        first.stop();
      }
      if (!noRestart) {
        ChildApp second = ChildApp.start(work, xmx, appArgs, "second");
        try {
          Timeline started = second.await("Started Application", Duration.ofMinutes(10));
          row(
              out,
              "second start: app start",
              started.seconds(),
              started.cpuSeconds(),
              "Spring, web server");
          Timeline checked = second.await("preparing the recommender", Duration.ofMinutes(60));
          row(
              out,
              "second start: import check",
              checked.seconds() - started.seconds(),
              checked.cpuSeconds() - started.cpuSeconds(),
              "same files: nothing imported");
          URI base = second.baseUri();
          Timeline answer =
              second.awaitRecommendation(HttpClient.newHttpClient(), base, Duration.ofMinutes(60));
          for (String line : second.lines()) {
            printIfStage(out, line);
          }
          row(
              out,
              "second start: first recommendation",
              answer.seconds(),
              answer.cpuSeconds(),
              "same data, saved model and training snapshot");
        } finally {
          second.stop();
        }
      }
    } finally {
      if (keep) {
        out.println("kept " + work);
      } else {
        deleteRecursively(work);
      }
    }
    return Commands.EXIT_OK;
  }

  /**
   * p50/p99 under load for each kind of request, and the CPU each request cost the app and this
   * process (the clients): on a shared machine the CPU per request is the steadier figure, and
   * {@code clients x CPU per request / cores} is about the latency an idle machine would show. Then
   * p50/p99 at half the throughput just measured (open loop, timed from when each request fell due)
   * and of the same requests sent one at a time: the time one request takes to serve.
   */
  private void serve(PrintWriter out, LoadDriver driver, SyntheticShape shape, ChildApp app)
      throws Exception {
    int[] movies = driver.moviePool(100);
    for (LoadDriver.Kind kind : LoadDriver.Kind.values()) {
      if ((kind == LoadDriver.Kind.DETAILS || kind == LoadDriver.Kind.FOLD_IN)
          && movies.length == 0) {
        continue;
      }
      LoadDriver.Plan plan =
          new LoadDriver.Plan(kind, new long[] {1, shape.users()}, "hybrid", null, 20, movies);
      if (warmup > 0) {
        driver.drive(plan, clients, warmup, seed + 1);
      }
      double appCpu = app.now().cpuSeconds();
      long ownCpu = ownCpuNanos();
      LoadDriver.Result result = driver.drive(plan, clients, requests, seed);
      double appCpuPerRequest = (app.now().cpuSeconds() - appCpu) / requests * 1e3;
      double clientCpuPerRequest = (ownCpuNanos() - ownCpu) / 1e6 / requests;
      out.printf(
          Locale.ROOT,
          "%-44s p50 %.1f ms, p99 %.1f ms, %.0f requests/s, CPU per request %.2f ms app + %.2f ms"
              + " clients, %d errors%s (%d clients, %d requests)%n",
          "serving " + kind.id,
          result.percentileMillis(0.5),
          result.percentileMillis(0.99),
          result.requestsPerSecond(),
          appCpuPerRequest,
          clientCpuPerRequest,
          result.errors(),
          result.firstError() == null ? "" : " (first: " + result.firstError() + ")",
          clients,
          requests);
      // Half that throughput, open loop: the latency users see while the app is half busy, where
      // closed-loop clients can only show clients / throughput.
      double halfRate = result.requestsPerSecond() / 2;
      int halfRequests = Math.max(10, requests / 2);
      LoadDriver.Result half = driver.drive(plan, clients, halfRequests, halfRate, seed + 3);
      out.printf(
          Locale.ROOT,
          "%-44s p50 %.1f ms, p99 %.1f ms, %d errors (open loop at %.0f requests/s, %d clients,"
              + " %d requests)%n",
          "serving " + kind.id + ", at half that rate",
          half.percentileMillis(0.5),
          half.percentileMillis(0.99),
          half.errors(),
          halfRate,
          clients,
          halfRequests);
      // The same request alone: its service time, without the queue 32 clients build on 2 cores.
      int aloneRequests = Math.max(10, requests / 5);
      LoadDriver.Result alone = driver.drive(plan, 1, aloneRequests, seed + 2);
      out.printf(
          Locale.ROOT,
          "%-44s p50 %.1f ms, p99 %.1f ms, %d errors (1 client, %d requests)%n",
          "serving " + kind.id + ", one at a time",
          alone.percentileMillis(0.5),
          alone.percentileMillis(0.99),
          alone.errors(),
          aloneRequests);
    }
  }

  /** A stage's figures, or the app's heap estimate, from one of its log lines. */
  private static void printIfStage(PrintWriter out, String line) {
    Matcher stage = STAGE.matcher(line);
    if (stage.find()) {
      printStage(out, stage);
      return;
    }
    Matcher heap = HEAP.matcher(line);
    if (heap.find()) {
      out.printf(
          Locale.ROOT,
          "%-44s %s MB, -Xmx%s recommended (the app's own estimate)%n",
          "heap estimate",
          heap.group(1),
          heap.group(2));
    }
  }

  private static void printStage(PrintWriter out, Matcher stage) {
    String name = stage.group(1);
    double wall = Double.parseDouble(stage.group(2));
    double cpu = Double.parseDouble(stage.group(3));
    String detail = stage.group(5) == null ? "" : stage.group(5);
    String extra = "peak heap " + stage.group(4) + " MB" + (detail.isEmpty() ? "" : ", " + detail);
    row(out, name, wall, cpu, extra);
    Matcher iterations = ITERATIONS.matcher(detail);
    if (name.equals("train ALS") && iterations.find()) {
      int count = Integer.parseInt(iterations.group(1));
      row(out, "ALS per iteration", wall / count, cpu / count, "");
    }
  }

  private static void row(PrintWriter out, String what, double wall, double cpu, String detail) {
    out.printf(
        Locale.ROOT,
        "%-44s %8.1f s wall %8.1f s CPU%s%n",
        what,
        wall,
        cpu,
        detail.isEmpty() ? "" : "   " + detail);
  }

  /** When something happened, since the child JVM started: wall and the child's CPU. */
  record Timeline(double seconds, double cpuSeconds) {}

  /** The app in a child JVM, its log lines collected as they come. */
  private static final class ChildApp {
    private final Process process;
    private final long startNanos;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Timeline> times = new CopyOnWriteArrayList<>();

    private ChildApp(Process process, long startNanos) {
      this.process = process;
      this.startNanos = startNanos;
    }

    static ChildApp start(Path work, String xmx, List<String> appArgs, String name)
        throws IOException {
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.add("-Xmx" + xmx);
      for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        // keep module and native-access flags (e.g. --add-modules jdk.incubator.vector), not the
        // heap size, agents or debuggers
        if (argument.startsWith("--add-modules")
            || argument.startsWith("--enable-native-access")
            || argument.startsWith("--add-opens")) {
          command.add(argument);
        }
      }
      String classPath = System.getProperty("java.class.path");
      if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
        command.add("-jar");
        command.add(Path.of(classPath).toAbsolutePath().toString());
      } else {
        command.add("-cp");
        command.add(
            Stream.of(classPath.split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        command.add("app.movierec.Application");
      }
      // port 0: the server picks a free one and logs it (no port taken between choosing and
      // binding)
      command.add("--server.port=0");
      command.add("--movierec.data-dir=" + work.resolve("data").toAbsolutePath());
      command.add(
          "--spring.datasource.url=jdbc:h2:file:"
              + work.resolve("db/movierec").toAbsolutePath()
              + ";DB_CLOSE_ON_EXIT=FALSE");
      command.add("--movierec.model-dir=" + work.resolve("models").toAbsolutePath());
      command.add("--movierec.download.enabled=false");
      command.addAll(appArgs);
      Path log = work.resolve("app-" + name + ".log");
      // the child keeps this process's working directory: Vaadin's development mode looks for
      // the project there when it runs from classes rather than a production jar
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      ChildApp app = new ChildApp(process, System.nanoTime());
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(
                                process.getInputStream(), StandardCharsets.UTF_8));
                    var writer = Files.newBufferedWriter(log)) {
                  for (String line = in.readLine(); line != null; line = in.readLine()) {
                    app.times.add(app.now());
                    app.lines.add(line);
                    writer.write(line);
                    writer.newLine();
                    writer.flush();
                  }
                } catch (IOException e) {
                  // the process ended and its output closed: nothing more to read
                }
              },
              "app-log-" + name);
      reader.setDaemon(true);
      reader.start();
      return app;
    }

    Timeline now() {
      double cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
      return new Timeline((System.nanoTime() - startNanos) / 1e9, cpu);
    }

    /**
     * The app's address, from its "Tomcat started on port N" line (after "Started Application").
     */
    URI baseUri() {
      for (String line : lines()) {
        Matcher port = PORT.matcher(line);
        if (port.find()) {
          return URI.create("http://127.0.0.1:" + port.group(1));
        }
      }
      throw UserInputException.data("the app did not log its port:\n" + tail());
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    /** When the first log line containing {@code text} came. */
    Timeline await(String text, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      int seen = 0;
      while (System.nanoTime() < deadline) {
        for (; seen < lines.size(); seen++) {
          if (lines.get(seen).contains(text)) {
            return times.get(seen);
          }
        }
        if (!process.isAlive()) {
          throw UserInputException.data(
              "the app stopped before logging '" + text + "'; last lines:\n" + tail());
        }
        Thread.sleep(50);
      }
      throw UserInputException.data("the app did not log '" + text + "' in time:\n" + tail());
    }

    /** When {@code GET /api/users/1/recommendations} first answered 200. */
    Timeline awaitRecommendation(HttpClient http, URI base, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve("/api/users/1/recommendations?n=20"))
              .timeout(Duration.ofSeconds(30))
              .GET()
              .build();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw UserInputException.data("the app stopped; last lines:\n" + tail());
        }
        try {
          if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return now();
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      throw UserInputException.data("no recommendation in time; last lines:\n" + tail());
    }

    long peakRssKilobytes() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
          if (line.startsWith("VmHWM:")) {
            return Long.parseLong(line.replaceAll("\\D", ""));
          }
        }
      } catch (IOException | RuntimeException e) {
        // not Linux
      }
      return 0;
    }

    private String tail() {
      List<String> all = lines();
      return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
    }

    void stop() throws InterruptedException {
      process.destroy(); // SIGTERM: the app shuts down cleanly
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static long ownCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static long folderBytes(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(PipelineBenchmarkCommand::size).sum();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}

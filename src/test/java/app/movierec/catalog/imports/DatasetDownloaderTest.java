package app.movierec.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.common.ProgressListener;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The GroupLens download against a local HTTP server serving a small zip in the release's layout.
 */
class DatasetDownloaderTest {

  @TempDir Path data;

  private HttpServer server;
  private byte[] zip;
  private final List<String> requests = new ArrayList<>();
  private final DatasetDownloader downloader = new DatasetDownloader();
  private final CountDownLatch testEnded = new CountDownLatch(1);

  /** Generous: the watchdog also counts the client's own time, class loading included. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

  private static final int TRICKLE_CHUNKS = 12;
  private static final Duration TRICKLE_PAUSE = Duration.ofMillis(250);

  @BeforeEach
  void startServer() throws Exception {
    zip = zipOfFixture();
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(zip));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/good/ml-tiny.zip", exchange -> send(exchange, 200, zip));
    server.createContext(
        "/good/ml-tiny.zip.md5",
        exchange -> send(exchange, 200, ("MD5 (ml-tiny.zip) = " + md5).getBytes()));
    server.createContext("/badsum/ml-tiny.zip", exchange -> send(exchange, 200, zip));
    server.createContext(
        "/badsum/ml-tiny.zip.md5",
        exchange ->
            send(exchange, 200, "0123456789abcdef0123456789abcdef  ml-tiny.zip".getBytes()));
    server.createContext("/silent/ml-tiny.zip.md5", exchange -> hangUntilTheTestEnds());
    server.createContext("/silent/ml-tiny.zip", exchange -> send(exchange, 200, zip));
    server.createContext(
        "/stalling/ml-tiny.zip.md5", exchange -> send(exchange, 200, md5.getBytes()));
    server.createContext(
        "/stalling/ml-tiny.zip",
        exchange -> {
          exchange.sendResponseHeaders(200, zip.length);
          exchange.getResponseBody().write(zip, 0, zip.length / 2);
          exchange.getResponseBody().flush();
          hangUntilTheTestEnds();
        });
    server.createContext(
        "/trickling/ml-tiny.zip.md5", exchange -> send(exchange, 200, md5.getBytes()));
    server.createContext(
        "/trickling/ml-tiny.zip",
        exchange -> {
          // Slower in total than the read timeout, but never silent for long.
          exchange.sendResponseHeaders(200, zip.length);
          int chunk = zip.length / TRICKLE_CHUNKS + 1;
          try (OutputStream out = exchange.getResponseBody()) {
            for (int offset = 0; offset < zip.length; offset += chunk) {
              out.write(zip, offset, Math.min(chunk, zip.length - offset));
              out.flush();
              pause(TRICKLE_PAUSE);
            }
          }
        });
    server.createContext(
        "/truncated/ml-tiny.zip.md5", exchange -> send(exchange, 200, md5.getBytes()));
    server.createContext(
        "/truncated/ml-tiny.zip",
        exchange -> {
          exchange.sendResponseHeaders(200, zip.length);
          exchange.getResponseBody().write(zip, 0, zip.length / 2);
          exchange.close();
        });
    server.createContext("/", exchange -> send(exchange, 404, "not here".getBytes()));
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stopServer() {
    testEnded.countDown();
    server.stop(0);
  }

  private DatasetProperties.Download settings(String path) {
    return new DatasetProperties.Download(
        true,
        "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path,
        Duration.ofSeconds(2),
        READ_TIMEOUT);
  }

  @Test
  void downloads_verifies_and_unpacks_only_the_needed_files() throws Exception {
    Path target = data.resolve("ml-tiny");
    List<Double> fractions = new ArrayList<>();

    downloader.download(
        "ml-tiny", target, settings("good"), (phase, fraction) -> fractions.add(fraction));

    assertThat(new MovieLensFiles(target, null).hasDataset()).isTrue();
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "movies.csv",
              "ratings.csv",
              "links.csv",
              "tags.csv",
              "genome-scores.csv",
              "genome-tags.csv");
    }
    assertThat(Files.readString(target.resolve("movies.csv")))
        .contains("American President, The (1995)");
    assertThat(fractions).contains(1.0);
    assertThat(requests).containsExactly("/good/ml-tiny.zip.md5", "/good/ml-tiny.zip");
    assertNoLeftovers();
  }

  @Test
  void a_bad_checksum_fails_and_leaves_nothing_behind() throws Exception {
    Path target = data.resolve("ml-tiny");

    assertThatThrownBy(
            () -> downloader.download("ml-tiny", target, settings("badsum"), ProgressListener.NONE))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("MD5 checksum")
        .hasMessageContaining("0123456789abcdef0123456789abcdef")
        .satisfies(
            e ->
                assertThat(((DatasetUnavailableException) e).action())
                    .contains("--movierec.data-dir"));
    assertThat(target).doesNotExist();
    assertNoLeftovers();
  }

  @Test
  void a_404_names_the_url_and_status() {
    assertThatThrownBy(
            () ->
                downloader.download(
                    "ml-nope", data.resolve("ml-nope"), settings("good"), ProgressListener.NONE))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("/good/ml-nope.zip.md5 answered HTTP 404");
    assertThat(data.resolve("ml-nope")).doesNotExist();
  }

  @Test
  void a_server_that_does_not_answer_times_out() throws Exception {
    assertThatThrownBy(
            () ->
                downloader.download(
                    "ml-tiny", data.resolve("ml-tiny"), settings("silent"), ProgressListener.NONE))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("did not answer in time");
    assertNoLeftovers();
  }

  @Test
  void a_download_that_stalls_half_way_times_out_and_leaves_nothing_behind() throws Exception {
    Path target = data.resolve("ml-tiny");

    assertThatThrownBy(
            () ->
                downloader.download("ml-tiny", target, settings("stalling"), ProgressListener.NONE))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("did not answer in time (nothing received for 2 s)");
    assertThat(target).doesNotExist();
    assertNoLeftovers();
  }

  @Test
  void the_read_timeout_limits_silence_not_the_length_of_a_download() throws Exception {
    Path target = data.resolve("ml-tiny");
    List<Double> fractions = new ArrayList<>();

    downloader.download(
        "ml-tiny", target, settings("trickling"), (phase, fraction) -> fractions.add(fraction));

    // The body took about 12 x 250 ms, more than the 2 s read timeout, with no gap close to it.
    assertThat(new MovieLensFiles(target, null).hasDataset()).isTrue();
    assertThat(fractions.stream().filter(f -> f > 0).toList())
        .hasSizeGreaterThanOrEqualTo(TRICKLE_CHUNKS / 2)
        .isSorted()
        .endsWith(1.0);
  }

  @Test
  void a_download_cut_short_fails_and_leaves_nothing_behind() throws Exception {
    Path target = data.resolve("ml-tiny");

    assertThatThrownBy(
            () ->
                downloader.download(
                    "ml-tiny", target, settings("truncated"), ProgressListener.NONE))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("closed the connection before the whole file had arrived");
    assertThat(target).doesNotExist();
    assertNoLeftovers();
  }

  @Test
  void an_unknown_host_says_the_name_cannot_be_resolved() throws Exception {
    var settings =
        new DatasetProperties.Download(
            true,
            "http://movielens.invalid/datasets",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));

    assertThatThrownBy(
            () ->
                downloader.download(
                    "ml-tiny", data.resolve("ml-tiny"), settings, ProgressListener.NONE))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("the host movielens.invalid cannot be resolved");
    assertNoLeftovers();
  }

  @Test
  void a_refused_connection_says_so_in_plain_words() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var settings =
        new DatasetProperties.Download(
            true, "http://127.0.0.1:" + closedPort, Duration.ofSeconds(2), Duration.ofSeconds(2));

    assertThatThrownBy(
            () ->
                downloader.download(
                    "ml-tiny", data.resolve("ml-tiny"), settings, ProgressListener.NONE))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("the connection was refused");
    assertNoLeftovers();
  }

  @Test
  void the_failure_report_is_one_paragraph_with_what_to_do() {
    var failure =
        new DatasetUnavailableException(
            "Could not download X: HTTP 404.", "Download it by hand into data/.", null);

    FailureAnalysis analysis = new DatasetFailureAnalyzer().analyze(failure);

    assertThat(analysis.getDescription()).isEqualTo("Could not download X: HTTP 404.");
    assertThat(analysis.getAction()).isEqualTo("Download it by hand into data/.");
    assertThat(
            new DatasetFailureAnalyzer()
                .analyze(new ImportException("ratings.csv", 7, "bad"))
                .getAction())
        .contains("on-error=skip");
  }

  private void assertNoLeftovers() throws IOException {
    try (Stream<Path> files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".download-"));
    }
  }

  private void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    synchronized (requests) {
      requests.add(exchange.getRequestURI().getPath());
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** A server that accepted the request and then says nothing more. */
  private void hangUntilTheTestEnds() {
    try {
      testEnded.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The stub server's own pace between two chunks (it plays a slow network; the test waits on
   * nothing).
   */
  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The fixture zipped as GroupLens does it: one folder named after the release, plus a file the
   * app does not need.
   */
  private static byte[] zipOfFixture() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes);
        Stream<Path> files = Files.list(TinyDataset.FIXTURE)) {
      out.putNextEntry(new ZipEntry("ml-tiny/"));
      for (Path file : files.toList()) {
        out.putNextEntry(new ZipEntry("ml-tiny/" + file.getFileName()));
        Files.copy(file, out);
      }
      out.putNextEntry(new ZipEntry("ml-tiny/extra-notes.pdf"));
      out.write(new byte[] {1, 2, 3});
    }
    return bytes.toByteArray();
  }
}

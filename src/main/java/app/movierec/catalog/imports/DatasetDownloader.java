package app.movierec.catalog.imports;

import static java.nio.charset.StandardCharsets.US_ASCII;

import app.movierec.common.ProgressListener;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Downloads a MovieLens release from GroupLens ({@code <base-url>/<dataset>.zip}), verifies its
 * size against the announced length and its MD5 against the checksum GroupLens publishes beside it
 * ({@code <dataset>.zip.md5}), and unpacks only the files the app reads. Everything happens in a
 * temporary folder that is moved into place at the end, so a failed or interrupted download never
 * leaves a half-written dataset behind. The zip is streamed to disk, never held in memory. HTTP
 * goes through Spring's {@link RestClient} on the JDK's client; proxies are taken from the usual
 * Java system properties ({@code https.proxyHost}, {@code https.proxyPort}).
 */
@Component
public class DatasetDownloader {

  private static final Logger log = LoggerFactory.getLogger(DatasetDownloader.class);
  private static final Pattern MD5 = Pattern.compile("\\b([0-9a-fA-F]{32})\\b");
  static final Set<String> UNPACKED =
      Set.of(
          "movies.csv",
          "ratings.csv",
          "links.csv",
          "tags.csv",
          "genome-scores.csv",
          "genome-tags.csv",
          "README.txt");

  /**
   * Downloads {@code dataset} into {@code targetDir}, which must not hold a dataset yet.
   *
   * @throws DatasetUnavailableException with a message fit for the user when anything fails
   */
  public void download(
      String dataset,
      Path targetDir,
      DatasetProperties.Download settings,
      ProgressListener progress) {
    String zipUrl = settings.baseUrl().replaceAll("/+$", "") + "/" + dataset + ".zip";
    Path target = targetDir.toAbsolutePath().normalize();
    Path work = null;
    Transfer http = new Transfer(settings);
    try {
      Files.createDirectories(target.getParent());
      work = Files.createTempDirectory(target.getParent(), ".download-" + dataset + "-");
      log.info("No dataset in {}: downloading {}", target, zipUrl);
      String expectedMd5 = fetchMd5(http, zipUrl + ".md5");
      Path zip = work.resolve(dataset + ".zip");
      String actualMd5 = fetchZip(http, zipUrl, zip, progress);
      http.close(); // the network part is over: unpacking a large zip is no stall
      if (!actualMd5.equalsIgnoreCase(expectedMd5)) {
        throw new DownloadFailure(
            "the file's MD5 checksum is "
                + actualMd5
                + " but GroupLens publishes "
                + expectedMd5
                + " (a corrupted download, or a proxy that altered it)");
      }
      Path unpacked = work.resolve("unpacked");
      unpack(zip, unpacked, progress);
      moveIntoPlace(unpacked, target);
      log.info("Downloaded and verified {} into {}", dataset, target);
    } catch (IOException | RestClientException e) {
      String reason =
          http.stalled()
              ? "the server did not answer in time (nothing received for "
                  + readable(settings.readTimeout())
                  + ")"
              : reason(e, URI.create(zipUrl).getHost());
      throw unavailable(dataset, zipUrl, target, reason, e);
    } finally {
      http.close();
      deleteQuietly(work);
    }
  }

  private static String fetchMd5(Transfer http, String url) throws IOException {
    String text =
        http.get(url, response -> new String(response.getBody().readNBytes(4096), US_ASCII));
    Matcher matcher = MD5.matcher(text);
    if (!matcher.find()) {
      throw new DownloadFailure("the checksum file " + url + " holds no MD5 checksum");
    }
    return matcher.group(1).toLowerCase(Locale.ROOT);
  }

  /**
   * Streams the zip to {@code file} (never whole in memory), checks its length, returns its MD5.
   */
  private static String fetchZip(Transfer http, String url, Path file, ProgressListener progress) {
    return http.get(
        url,
        response -> {
          long length = response.getHeaders().getContentLength();
          // The progress listener logs and shows it; the phase text stays fixed so that it logs
          // only at each quarter.
          String phase =
              "Downloading " + file.getFileName() + (length > 0 ? " (" + mb(length) + " MB)" : "");
          MessageDigest md5 = md5();
          long read = 0;
          byte[] buffer = new byte[1 << 16];
          try (InputStream in = response.getBody();
              OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
              http.alive();
              out.write(buffer, 0, n);
              md5.update(buffer, 0, n);
              read += n;
              progress.progress(phase, length > 0 ? read / (double) length : -1);
            }
          }
          if (length >= 0 && read != length) {
            throw new DownloadFailure(
                "the download stopped after " + read + " of " + length + " bytes");
          }
          return HexFormat.of().formatHex(md5.digest());
        });
  }

  private static void unpack(Path zip, Path into, ProgressListener progress) throws IOException {
    Files.createDirectories(into);
    int found = 0;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = Path.of(entry.getName()).getFileName().toString();
        if (!entry.isDirectory() && UNPACKED.contains(name)) {
          progress.progress("Unpacking " + name, -1);
          Files.copy(in, into.resolve(name), StandardCopyOption.REPLACE_EXISTING);
          found++;
        }
      }
    }
    if (!Files.exists(into.resolve("movies.csv")) || !Files.exists(into.resolve("ratings.csv"))) {
      throw new DownloadFailure(
          "the zip has no movies.csv and ratings.csv (found " + found + " known files)");
    }
  }

  private static void moveIntoPlace(Path unpacked, Path target) throws IOException {
    if (!Files.exists(target)) {
      Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(unpacked)) {
      for (Path file : files) {
        Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static DatasetUnavailableException unavailable(
      String dataset, String zipUrl, Path target, String reason, Exception cause) {
    String message =
        "Could not download the MovieLens dataset "
            + dataset
            + " from "
            + zipUrl
            + ": "
            + reason
            + ".";
    String action =
        "The app needs the MovieLens files to start. To supply them by hand, download "
            + zipUrl
            + " on a machine with internet access (its checksum is in "
            + dataset
            + ".zip.md5 beside it), unzip it, "
            + "and either copy movies.csv, ratings.csv, links.csv and tags.csv into "
            + target
            + " or start the app with --movierec.data-dir=<the unzipped folder>. Behind a proxy, give Java "
            + "-Dhttps.proxyHost=<host> -Dhttps.proxyPort=<port>.";
    return new DatasetUnavailableException(message, action, cause);
  }

  /** The failure in plain words; the cause chain is searched, since the HTTP client wraps it. */
  private static String reason(Exception e, String host) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DownloadFailure) {
        return t.getMessage();
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "the host " + host + " cannot be resolved (no network, or a proxy is needed)";
      }
      if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
        return "the server did not answer in time (" + t.getMessage() + ")";
      }
      if (t instanceof EOFException) {
        return "the server closed the connection before the whole file had arrived";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "the connection was refused (no network, a firewall, or a proxy is needed)";
      }
    }
    Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static String readable(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String mb(long bytes) {
    return String.format("%.1f", bytes / 1e6);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not remove the temporary folder {}: {}", dir, e.getMessage());
    }
  }

  /** A download problem already phrased for the user. */
  private static final class DownloadFailure extends IOException {
    DownloadFailure(String message) {
      super(message);
    }
  }

  /**
   * The HTTP side of one download: a {@link RestClient} on the JDK's {@link HttpClient} (connect
   * timeout; proxies from the usual system properties; redirects followed except from https to
   * http), and a watchdog for the read timeout.
   *
   * <p>The watchdog is hand-written because no library at hand offers a stall timeout for this
   * stack: the read timeout of Spring's {@link JdkClientHttpRequestFactory} is a deadline for the
   * whole exchange, body included, which would cut off a 250 MB download that is progressing fine,
   * and the JDK client has no per-read timeout. So every sign of life (a request sent, a block
   * read) is noted, and when the server stays silent for {@code readTimeout} the watchdog shuts the
   * client down, which fails the pending call.
   */
  private static final class Transfer implements AutoCloseable {

    /** Reads a 200 response; other statuses never reach it. */
    @FunctionalInterface
    interface BodyReader<T> {
      T read(ClientHttpResponse response) throws IOException;
    }

    private final HttpClient client;
    private final RestClient rest;
    private final long silenceLimitNanos;
    private final ScheduledExecutorService watchdog;
    private volatile long lastSignOfLife = System.nanoTime();
    private volatile boolean stalled;

    Transfer(DatasetProperties.Download settings) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(settings.connectTimeout())
              .followRedirects(HttpClient.Redirect.NORMAL)
              .proxy(ProxySelector.getDefault())
              .build();
      rest =
          RestClient.builder()
              .requestFactory(new JdkClientHttpRequestFactory(client))
              .defaultHeader(HttpHeaders.USER_AGENT, "movie-recommender")
              .build();
      silenceLimitNanos = settings.readTimeout().toNanos();
      watchdog =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("dataset-download-watchdog").daemon().factory());
      long period = Math.max(10, settings.readTimeout().toMillis() / 10);
      watchdog.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** GETs {@code url} and hands a 200 response to {@code reader}; any other status fails. */
    <T> T get(String url, BodyReader<T> reader) {
      alive();
      return rest.get()
          .uri(URI.create(url))
          .exchange(
              (request, response) -> {
                alive();
                int status = response.getStatusCode().value();
                if (status != 200) {
                  throw new DownloadFailure(
                      url
                          + " answered HTTP "
                          + status
                          + (status == 404 ? " (not found: is the dataset name right?)" : ""));
                }
                return reader.read(response);
              });
    }

    void alive() {
      lastSignOfLife = System.nanoTime();
    }

    boolean stalled() {
      return stalled;
    }

    private void check() {
      if (System.nanoTime() - lastSignOfLife > silenceLimitNanos) {
        stalled = true;
        client.shutdownNow();
        watchdog.shutdown();
      }
    }

    /** Stops the watchdog and the client; may be called more than once. */
    @Override
    public void close() {
      watchdog.shutdownNow();
      client.shutdownNow();
    }
  }
}

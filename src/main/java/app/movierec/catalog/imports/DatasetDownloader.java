package app.movierec.catalog.imports;

import app.movierec.common.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Downloads a MovieLens release from GroupLens ({@code <base-url>/<dataset>.zip}), verifies its
 * size against the announced length and its MD5 against the checksum GroupLens publishes beside it
 * ({@code <dataset>.zip.md5}), and unpacks only the files the app reads. Everything happens in a
 * temporary folder that is moved into place at the end, so a failed or interrupted download never
 * leaves a half-written dataset behind. Proxies are taken from the usual Java system properties
 * ({@code https.proxyHost}, {@code https.proxyPort}).
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
    try {
      Files.createDirectories(target.getParent());
      work = Files.createTempDirectory(target.getParent(), ".download-" + dataset + "-");
      log.info("No dataset in {}: downloading {}", target, zipUrl);
      String expectedMd5 = fetchMd5(zipUrl + ".md5", settings);
      Path zip = work.resolve(dataset + ".zip");
      String actualMd5 = fetchZip(zipUrl, zip, settings, progress);
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
    } catch (IOException e) {
      throw unavailable(dataset, zipUrl, target, reason(e), e);
    } finally {
      deleteQuietly(work);
    }
  }

  private static String fetchMd5(String url, DatasetProperties.Download settings)
      throws IOException {
    HttpURLConnection connection = open(url, settings);
    try (InputStream in = connection.getInputStream()) {
      String text = new String(in.readNBytes(4096), StandardCharsets.US_ASCII);
      Matcher matcher = MD5.matcher(text);
      if (!matcher.find()) {
        throw new DownloadFailure("the checksum file " + url + " holds no MD5 checksum");
      }
      return matcher.group(1).toLowerCase(Locale.ROOT);
    } finally {
      connection.disconnect();
    }
  }

  /** Streams the zip to {@code file}, checks its length and returns its MD5. */
  private static String fetchZip(
      String url, Path file, DatasetProperties.Download settings, ProgressListener progress)
      throws IOException {
    HttpURLConnection connection = open(url, settings);
    long length = connection.getContentLengthLong();
    MessageDigest md5 = md5();
    long read = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = connection.getInputStream();
        OutputStream out = Files.newOutputStream(file)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        md5.update(buffer, 0, n);
        read += n;
        // The progress listener logs and shows it; the phase text stays fixed so that it logs only
        // at each quarter.
        String phase =
            "Downloading " + file.getFileName() + (length > 0 ? " (" + mb(length) + " MB)" : "");
        progress.progress(phase, length > 0 ? read / (double) length : -1);
      }
    } finally {
      connection.disconnect();
    }
    if (length >= 0 && read != length) {
      throw new DownloadFailure("the download stopped after " + read + " of " + length + " bytes");
    }
    return HexFormat.of().formatHex(md5.digest());
  }

  private static HttpURLConnection open(String url, DatasetProperties.Download settings)
      throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setConnectTimeout((int) settings.connectTimeout().toMillis());
    connection.setReadTimeout((int) settings.readTimeout().toMillis());
    connection.setRequestProperty("User-Agent", "movie-recommender");
    int status = connection.getResponseCode();
    if (status != HttpURLConnection.HTTP_OK) {
      connection.disconnect();
      throw new DownloadFailure(
          url
              + " answered HTTP "
              + status
              + (status == 404 ? " (not found: is the dataset name right?)" : ""));
    }
    return connection;
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

  private static String reason(Exception e) {
    if (e instanceof DownloadFailure) {
      return e.getMessage();
    }
    if (e instanceof UnknownHostException) {
      return "the host "
          + e.getMessage()
          + " cannot be resolved (no network, or a proxy is needed)";
    }
    if (e instanceof ConnectException) {
      return "the connection was refused (no network, a firewall, or a proxy is needed)";
    }
    if (e instanceof SocketTimeoutException) {
      return "the server did not answer in time (" + e.getMessage() + ")";
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
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
}

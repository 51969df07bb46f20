package app.movierec.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.catalog.CatalogService;
import app.movierec.ratings.RatingService;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * A first start with an empty data folder: the app downloads the release from "GroupLens" (a local
 * server), verifies it, unpacks it into the data folder and imports it, before anything else
 * happens.
 */
@SpringBootTest
class DownloadOnStartupTest {

  private static final Path DATA;
  private static final HttpServer SERVER;

  static {
    try {
      DATA = Files.createTempDirectory("movierec-download-").resolve("ml-tiny");
      byte[] zip = zip();
      String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(zip));
      SERVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      SERVER.createContext("/movielens/ml-tiny.zip", exchange -> send(exchange, zip));
      SERVER.createContext(
          "/movielens/ml-tiny.zip.md5",
          exchange -> send(exchange, (md5 + "  ml-tiny.zip\n").getBytes()));
      SERVER.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("movierec.dataset", () -> "ml-tiny");
    registry.add("movierec.data-dir", DATA::toString);
    registry.add("movierec.download.enabled", () -> "true");
    registry.add(
        "movierec.download.base-url",
        () -> "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/movielens");
  }

  @AfterAll
  static void stopServerAndDeleteTheData() throws IOException {
    SERVER.stop(0);
    // a folder per run under the system's temp folder would otherwise pile up
    FileSystemUtils.deleteRecursively(DATA.getParent());
  }

  @Autowired CatalogService catalog;
  @Autowired RatingService ratings;
  @Autowired DatasetStatusService status;

  @Test
  void an_empty_data_folder_is_downloaded_verified_and_imported_at_start_up() {
    assertThat(DATA.resolve("movies.csv")).exists();
    assertThat(DATA.resolve("ratings.csv")).exists();
    assertThat(catalog.counts().movies()).isEqualTo(10);
    assertThat(ratings.ratingCount()).isEqualTo(17);
    assertThat(status.current()).get().extracting(DatasetImport::getDataset).isEqualTo("ml-tiny");
  }

  private static void send(com.sun.net.httpserver.HttpExchange exchange, byte[] body)
      throws IOException {
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes);
        Stream<Path> files = Files.list(TinyDataset.FIXTURE)) {
      for (Path file : files.toList()) {
        out.putNextEntry(new ZipEntry("ml-tiny/" + file.getFileName()));
        Files.copy(file, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}

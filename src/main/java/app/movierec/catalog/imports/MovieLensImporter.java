package app.movierec.catalog.imports;

import app.movierec.common.ProgressListener;
import com.sun.management.OperatingSystemMXBean;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports a MovieLens folder, all or nothing: the validated rows go into staging tables ({@link
 * StagingTables}: no keys while loading, committed as it goes, PostgreSQL through COPY), the keys
 * are built once they are loaded, and one short swap replaces the live tables. A failure anywhere
 * before the swap drops the staging tables and leaves the previous dataset as it was; a crash is
 * cleaned up (or the swap finished) at the next start.
 *
 * <p>It writes with plain JDBC, not through Hibernate: the tables are still the entities' (the
 * staging tables are copies of the live tables, which Hibernate validates against the entities),
 * but per-row persistence work made 25 million ratings take half an hour.
 */
@Service
public class MovieLensImporter {

  private static final Logger log = LoggerFactory.getLogger(MovieLensImporter.class);

  /** How often the progress line with rates and CPU is refreshed. */
  private static final long STATS_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

  private final DataSource dataSource;
  private volatile boolean stopping;
  private volatile Statement running;

  public MovieLensImporter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Replaces the database's dataset with the folder's; refuses one that would drop most of the
   * current ratings.
   *
   * @throws ImportException when a file is missing or a row is malformed (with {@link
   *     OnError#FAIL}); the database is then unchanged
   */
  public ImportSummary importDataset(
      String dataset,
      MovieLensFiles files,
      String fingerprint,
      int maxMovies,
      OnError onError,
      ProgressListener progress) {
    return importDataset(dataset, files, fingerprint, maxMovies, onError, false, progress);
  }

  /**
   * @param allowShrink import even when the new ratings are fewer than half the current ones
   */
  public ImportSummary importDataset(
      String dataset,
      MovieLensFiles files,
      String fingerprint,
      int maxMovies,
      OnError onError,
      boolean allowShrink,
      ProgressListener progress) {
    return importDataset(
        dataset, files, fingerprint, maxMovies, onError, allowShrink, null, progress);
  }

  /**
   * @param alsoTo null, or a sink that gets every row the database gets, as it is read (e.g. to
   *     build the training data in the same pass); it sees the rows of a failed import too
   */
  ImportSummary importDataset(
      String dataset,
      MovieLensFiles files,
      String fingerprint,
      int maxMovies,
      OnError onError,
      boolean allowShrink,
      DatasetSink alsoTo,
      ProgressListener progress) {
    long started = System.nanoTime();
    long startedCpu = processCpuNanos();
    log.info(
        "Importing {} from {}{}",
        dataset,
        files.dataDir(),
        maxMovies > 0 ? " (mini: " + maxMovies + " movies)" : "");
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      StagingTables.recover(connection);
      StagingTables staging =
          new StagingTables(connection).onLongStatement(statement -> running = statement);
      staging.create();
      Stats stats = new Stats(progress);
      StagingSink sink =
          new StagingSink(
              connection, staging, table -> stats.phase("Building the keys of " + table));
      boolean swapped = false;
      // the reader checks rows on this thread while the database writes them on another; the
      // writer is stopped (closed) before the finally block drops the staging tables
      try (BackgroundSink writing = new BackgroundSink(sink, "import-writer")) {
        stats.sink = writing;
        ImportSummary summary =
            new MovieLensReader(files, maxMovies, onError, stats)
                .cancelledWhen(() -> stopping)
                .read(alsoTo == null ? writing : DatasetSink.both(writing, alsoTo));
        writing.finish();
        sink.finish();
        checkShrink(connection, summary, maxMovies, allowShrink);
        stats.phase("Swapping the new tables in");
        summary = summary.withElapsed(Duration.ofNanos(System.nanoTime() - started));
        staging.swap(new PendingImport(dataset, fingerprint, files.dataDir().toString(), summary));
        swapped = true;
        summary = summary.withElapsed(Duration.ofNanos(System.nanoTime() - started));
        logSummary(dataset, summary, Duration.ofNanos(processCpuNanos() - startedCpu));
        return summary;
      } finally {
        if (!swapped) {
          sink.abandon();
          dropQuietly(connection, staging);
        }
      }
    } catch (SQLException e) {
      if (stopping) {
        throw new ImportCancelledException();
      }
      throw new ImportException("The import failed in the database: " + e.getMessage(), e);
    }
  }

  /**
   * Refuses (unless allowed) a full import that would replace the current ratings with fewer than
   * half as many: a truncated download or a wrong folder, more likely than a wish.
   */
  private static void checkShrink(
      Connection connection, ImportSummary summary, int maxMovies, boolean allowShrink)
      throws SQLException {
    if (allowShrink || maxMovies > 0) {
      return; // mini mode shrinks on purpose
    }
    long current = 0;
    try (Statement statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select ratings from dataset_import where id = " + StagingTables.CURRENT_ID)) {
      if (rows.next()) {
        current = rows.getLong(1);
      }
    }
    if (current > 0 && summary.ratings() * 2 < current) {
      throw new ImportException(
          String.format(
              "The new dataset has %,d ratings, the database holds %,d: the import would drop"
                  + " %.0f%% of them, so it was not done (is ratings.csv complete?). To replace"
                  + " them all the same, start with --movierec.import.allow-shrink=true.",
              summary.ratings(), current, 100.0 * (current - summary.ratings()) / current),
          null);
    }
  }

  private static void dropQuietly(Connection connection, StagingTables staging) {
    try {
      connection.rollback();
      staging.dropAll();
    } catch (SQLException | RuntimeException e) {
      log.debug("Could not drop the staging tables now; the next start will", e);
    }
  }

  /**
   * Stops a running import when the application shuts down (SIGTERM, Ctrl-C): the reader stops at
   * its next check and a running statement (a key being built) is cancelled.
   */
  @PreDestroy
  void stop() {
    stopping = true;
    Statement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException e) {
        log.debug("Could not cancel the import's statement", e);
      }
    }
  }

  /**
   * Logs what was imported, the wall time (which other processes on the machine stretch) and the
   * whole process's CPU time (the database's threads included, for H2): together they say how fast
   * the import is.
   */
  private static void logSummary(String dataset, ImportSummary summary, Duration cpu) {
    double seconds = Math.max(summary.elapsed().toNanos() / 1e9, 1e-9);
    log.info(
        "Imported {}: {} in {} s ({} ratings/s; {} s CPU of the whole process, {}%; heap peak {})",
        dataset,
        summary,
        String.format("%.1f", seconds),
        String.format("%,.0f", summary.ratings() / seconds),
        String.format("%.1f", cpu.toNanos() / 1e9),
        String.format("%.0f", 100 * cpu.toNanos() / 1e9 / seconds),
        peakHeap());
    if (summary.skipped().count() > 0) {
      log.warn(
          "Skipped {} malformed rows; the first: {}",
          summary.skipped().count(),
          summary.skipped().examples());
    }
  }

  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /** The largest heap the JVM has used so far (sum of the heap pools' peaks), e.g. "1.2 GB". */
  static String peakHeap() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return String.format("%.1f GB", bytes / 1e9);
  }

  /**
   * Passes the reader's progress on, every few seconds with the rows written per second and the
   * whole process's CPU use (100% = one core busy), so that the page and the log show what the
   * import is doing and how fast.
   */
  private static final class Stats implements ProgressListener {
    private final ProgressListener target;
    private BackgroundSink sink;
    private String phase = "";
    private String shown = "";
    private long lastNanos = System.nanoTime();
    private long lastCpu = processCpuNanos();
    private long lastRows;

    Stats(ProgressListener target) {
      this.target = target;
    }

    void phase(String phase) {
      target.progress(phase, -1);
    }

    @Override
    public void progress(String phase, double fraction) {
      long now = System.nanoTime();
      if (!phase.equals(this.phase) || now - lastNanos >= STATS_EVERY_NANOS) {
        long rows = sink == null ? 0 : sink.rows();
        double seconds = (now - lastNanos) / 1e9;
        long cpu = processCpuNanos();
        if (phase.equals(this.phase) && seconds > 0) {
          shown =
              String.format(
                  "%s (%,.0f rows/s, CPU %.0f%%)",
                  phase, (rows - lastRows) / seconds, 100 * (cpu - lastCpu) / 1e9 / seconds);
        } else {
          shown = phase;
        }
        this.phase = phase;
        lastNanos = now;
        lastCpu = cpu;
        lastRows = rows;
      }
      target.progress(shown, fraction);
    }
  }
}

package app.movierec.catalog.imports;

import app.movierec.catalog.GenomeTag;
import app.movierec.catalog.GenomeVector;
import app.movierec.catalog.Link;
import app.movierec.catalog.Movie;
import app.movierec.catalog.UserTag;
import app.movierec.common.ProgressListener;
import app.movierec.ratings.Rating;
import jakarta.persistence.EntityManagerFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports a MovieLens folder into H2 through the JPA entities, all or nothing: the old rows are
 * deleted and the new ones inserted in one transaction, so a failure leaves the previous dataset as
 * it was. Rows go in through a Hibernate {@link StatelessSession} in JDBC batches (no persistence
 * context, no per-row flush), which is what makes 100,000 ratings a matter of a second rather than
 * a minute.
 */
@Service
public class MovieLensImporter {

  private static final Logger log = LoggerFactory.getLogger(MovieLensImporter.class);
  static final int BATCH = 1000;

  /** Child tables first. */
  private static final List<String> TABLES_IN_DELETE_ORDER =
      List.of("Rating", "UserTag", "GenomeVector", "GenomeTag", "Link", "Movie", "DatasetImport");

  private final SessionFactory sessionFactory;

  public MovieLensImporter(EntityManagerFactory entityManagerFactory) {
    this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
  }

  /**
   * Replaces the database's dataset with the folder's.
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
    long started = System.nanoTime();
    long startedCpu = threadCpuNanos();
    log.info(
        "Importing {} from {}{}",
        dataset,
        files.dataDir(),
        maxMovies > 0 ? " (mini: " + maxMovies + " movies)" : "");
    try (StatelessSession session = sessionFactory.openStatelessSession()) {
      session.setJdbcBatchSize(BATCH);
      Transaction transaction = session.beginTransaction();
      try {
        for (String entity : TABLES_IN_DELETE_ORDER) {
          session.createMutationQuery("delete from " + entity).executeUpdate();
        }
        BatchingSink sink = new BatchingSink(session);
        ImportSummary summary = new MovieLensReader(files, maxMovies, onError, progress).read(sink);
        sink.flush();
        summary = summary.withElapsed(Duration.ofNanos(System.nanoTime() - started));
        session.insert(
            new DatasetImport(dataset, fingerprint, files.dataDir().toString(), summary));
        progress.progress("Committing", 1);
        transaction.commit();
        summary = summary.withElapsed(Duration.ofNanos(System.nanoTime() - started));
        logSummary(dataset, summary, Duration.ofNanos(threadCpuNanos() - startedCpu));
        return summary;
      } catch (RuntimeException e) {
        if (transaction.isActive()) {
          transaction.rollback();
        }
        throw e;
      }
    }
  }

  /**
   * Logs what was imported, the wall time (which other processes on the machine stretch) and the
   * importing thread's CPU time (which they do not, much): together they say how fast the import
   * is.
   */
  private static void logSummary(String dataset, ImportSummary summary, Duration cpu) {
    double seconds = Math.max(summary.elapsed().toNanos() / 1e9, 1e-9);
    log.info(
        "Imported {}: {} in {} s including the commit ({} ratings/s; {} s CPU on the importing thread)",
        dataset,
        summary,
        String.format("%.2f", seconds),
        String.format("%,.0f", summary.ratings() / seconds),
        String.format("%.2f", cpu.toNanos() / 1e9));
    if (summary.skipped().count() > 0) {
      log.warn(
          "Skipped {} malformed rows; the first: {}",
          summary.skipped().count(),
          summary.skipped().examples());
    }
  }

  private static long threadCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
  }

  /** Collects entities into lists of {@link #BATCH} and inserts each list as one JDBC batch. */
  private static final class BatchingSink implements DatasetSink {
    private final StatelessSession session;
    private final List<Object> pending = new ArrayList<>(BATCH);
    private long tagId;

    BatchingSink(StatelessSession session) {
      this.session = session;
    }

    private void add(Object entity) {
      if (!pending.isEmpty() && pending.getFirst().getClass() != entity.getClass()) {
        flush(); // one entity type per JDBC batch
      }
      pending.add(entity);
      if (pending.size() == BATCH) {
        flush();
      }
    }

    void flush() {
      if (!pending.isEmpty()) {
        session.insertMultiple(pending);
        pending.clear();
      }
    }

    @Override
    public void genomeTags(List<GenomeTag> tags) {
      tags.forEach(this::add);
      flush();
    }

    @Override
    public void movies(List<Movie> movies) {
      movies.forEach(this::add);
      flush();
    }

    @Override
    public void link(Link link) {
      add(link);
    }

    @Override
    public void rating(int userId, int movieId, float rating, long timestamp) {
      add(new Rating(userId, movieId, rating, timestamp));
    }

    @Override
    public void tag(int userId, int movieId, String tag, long timestamp) {
      add(new UserTag(++tagId, userId, movieId, tag, timestamp));
    }

    @Override
    public void genomeVector(int movieId, float[] relevance) {
      add(new GenomeVector(movieId, relevance));
    }
  }
}

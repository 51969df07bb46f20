package app.movierec.catalog.imports;

import app.movierec.catalog.GenomeTag;
import app.movierec.catalog.Link;
import app.movierec.catalog.Movie;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Passes rows on to another sink on a thread of its own, so that reading and checking the files
 * (the caller's thread) and writing them to the database (this sink's thread) use two cores: at 25
 * million ratings each is about a third of the import's work, and done one after the other on one
 * thread they left the second core mostly idle.
 *
 * <p>Hand-written rather than an executor: ratings travel in batches of primitive arrays (a task
 * per row would be 25 million objects), the other rows in lists of tasks (a queue operation per row
 * of tags.csv cost seconds), and the queue is bounded, so the reader runs at most {@link #QUEUED}
 * batches ahead of the writer. A failure of the writer (a database error) stops the writing; the
 * reader gets it at its next row, at {@link #finish()}, or never if it fails itself first ({@link
 * #close()} then drops what is queued).
 */
final class BackgroundSink implements DatasetSink, AutoCloseable {

  private static final int BATCH = 4096;
  private static final int QUEUED = 16;
  private static final Runnable END = () -> {};

  private final DatasetSink target;
  private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Thread writer;
  private volatile RuntimeException failure;
  private int[] users = new int[BATCH];
  private int[] movies = new int[BATCH];
  private float[] stars = new float[BATCH];
  private long[] times = new long[BATCH];
  private int pending;
  private List<Runnable> tasks = new ArrayList<>();
  private long rows;
  private boolean ended;

  BackgroundSink(DatasetSink target, String threadName) {
    this.target = target;
    this.writer = Thread.ofPlatform().name(threadName).daemon().start(this::write);
  }

  private void write() {
    try {
      for (Runnable task = queue.take(); task != END; task = queue.take()) {
        if (failure == null) { // after a failure the queue is only drained
          try {
            task.run();
          } catch (RuntimeException e) {
            failure = e;
          } catch (Error e) {
            failure = new ImportException("Writing the import failed: " + e, e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Rows handed over so far (some may still be on their way to the database). */
  long rows() {
    return rows;
  }

  @Override
  public void genomeTags(List<GenomeTag> tags) {
    submit(() -> target.genomeTags(tags));
  }

  @Override
  public void movies(List<Movie> movies) {
    rows += movies.size();
    submit(() -> target.movies(movies));
  }

  @Override
  public void link(Link link) {
    rows++;
    submit(() -> target.link(link));
  }

  @Override
  public void rating(int userId, int movieId, float rating, long timestamp) {
    if (!tasks.isEmpty()) {
      flushTasks(); // keeps the rows in the reader's order
    }
    users[pending] = userId;
    movies[pending] = movieId;
    stars[pending] = rating;
    times[pending] = timestamp;
    rows++;
    if (++pending == BATCH) {
      flushRatings();
    }
  }

  @Override
  public void tag(int userId, int movieId, String tag, long timestamp) {
    rows++;
    submit(() -> target.tag(userId, movieId, tag, timestamp));
  }

  @Override
  public void genomeVector(int movieId, float[] relevance) {
    rows++;
    submit(() -> target.genomeVector(movieId, relevance));
  }

  private void flushRatings() {
    if (pending == 0) {
      return;
    }
    int count = pending;
    int[] u = users;
    int[] m = movies;
    float[] s = stars;
    long[] t = times;
    users = new int[BATCH];
    movies = new int[BATCH];
    stars = new float[BATCH];
    times = new long[BATCH];
    pending = 0;
    put(
        () -> {
          for (int i = 0; i < count; i++) {
            target.rating(u[i], m[i], s[i], t[i]);
          }
        });
  }

  /** Queues a row other than a rating; they travel in lists of {@link #BATCH} too. */
  private void submit(Runnable task) {
    flushRatings(); // keeps the rows in the reader's order
    tasks.add(task);
    if (tasks.size() == BATCH) {
      flushTasks();
    }
  }

  private void flushTasks() {
    if (tasks.isEmpty()) {
      return;
    }
    List<Runnable> batch = tasks;
    tasks = new ArrayList<>();
    put(() -> batch.forEach(Runnable::run));
  }

  private void put(Runnable task) {
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed;
    }
    try {
      queue.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportCancelledException();
    }
  }

  /** Waits until every row is written; throws the writer's failure, if any. */
  void finish() {
    flushRatings();
    flushTasks();
    put(END);
    ended = true;
    join();
    if (failure != null) {
      throw failure;
    }
  }

  /** Stops the writer after the write it is doing, dropping what is queued (after a failure). */
  @Override
  public void close() {
    if (!ended) {
      ended = true;
      queue.clear();
      try {
        queue.put(END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    join();
  }

  private void join() {
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

package app.movierec.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;
import java.util.function.IntFunction;

/**
 * Writes a file made of independently generated chunks: the chunks are generated in parallel on a
 * pool and written in order by the calling thread, with a bounded number in flight so that memory
 * stays small. The file is written under a temporary name and moved into place at the end, so a
 * folder never holds a half-written file under its real name. The bytes depend only on the chunks,
 * never on the threads.
 */
final class ChunkedFileWriter {

  private final ExecutorService pool;
  private final int inFlight;

  ChunkedFileWriter(ExecutorService pool, int threads) {
    this.pool = pool;
    this.inFlight = Math.max(2, threads * 2);
  }

  /**
   * @return the bytes written
   */
  long write(
      Path file, String header, int chunks, IntFunction<AsciiBuffer> chunk, DoubleConsumer progress)
      throws IOException {
    Path temporary = file.resolveSibling("." + file.getFileName() + ".partial");
    long bytes = 0;
    Deque<Future<AsciiBuffer>> queue = new ArrayDeque<>();
    try (OutputStream out = Files.newOutputStream(temporary)) {
      AsciiBuffer first = new AsciiBuffer(header.length() + 1).text(header).newline();
      first.writeTo(out);
      bytes += first.size();
      int submitted = 0;
      for (int written = 0; written < chunks; written++) {
        while (submitted < chunks && queue.size() < inFlight) {
          int index = submitted++;
          queue.add(pool.submit(() -> chunk.apply(index)));
        }
        AsciiBuffer buffer = take(queue.removeFirst());
        buffer.writeTo(out);
        bytes += buffer.size();
        progress.accept((written + 1) / (double) chunks);
      }
    } catch (IOException | RuntimeException e) {
      queue.forEach(future -> future.cancel(true));
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    return bytes;
  }

  private static AsciiBuffer take(Future<AsciiBuffer> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}

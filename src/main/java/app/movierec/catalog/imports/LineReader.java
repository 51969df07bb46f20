package app.movierec.catalog.imports;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The physical lines of a MovieLens file (plain or .gz), one at a time, as bytes, with what CSV
 * parsing cannot see: a line longer than {@link #MAX_LINE_BYTES} is not buffered (so a file of NUL
 * bytes or a 2 GB line costs no heap) but reported at its line; bytes that are not UTF-8 are
 * reported at their own line rather than wherever a read-ahead decoder happened to be; and a
 * truncated or corrupt .gz is told apart from a malformed row. Line ends are LF or CRLF; the CR is
 * dropped.
 */
final class LineReader implements AutoCloseable {

  /** The longest line a MovieLens file may have (the longest real one is under 500 bytes). */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private final String name;
  private final InputStream in;
  private final CountingStream counting;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[256];
  private int length;
  private long number;
  private boolean tooLong;
  private boolean ascii;

  /**
   * @throws ImportException when the file is a directory, is unreadable or does not exist
   */
  static LineReader open(Path path) {
    String name = path.getFileName().toString();
    if (Files.isDirectory(path)) {
      throw new ImportException(name, 0, "is a directory, not a file (" + path + ")");
    }
    try {
      CountingStream counting = new CountingStream(Files.newInputStream(path));
      InputStream in = counting;
      if (name.endsWith(".gz")) {
        try {
          in = new GZIPInputStream(counting, 1 << 16);
        } catch (EOFException | ZipException e) {
          counting.close();
          throw corrupt(name, 0);
        }
      }
      return new LineReader(name, in, counting);
    } catch (AccessDeniedException e) {
      throw new ImportException(
          name, 0, "cannot be read: permission denied (" + path + "); check the file's owner");
    } catch (NoSuchFileException e) {
      throw new ImportException(name, 0, "not found (" + path + ")");
    } catch (IOException e) {
      throw new ImportException(name, 0, "cannot be read: " + e.getMessage());
    }
  }

  private LineReader(String name, InputStream in, CountingStream counting) {
    this.name = name;
    this.in = in;
    this.counting = counting;
  }

  private static ImportException corrupt(String name, long line) {
    return new ImportException(
        name,
        line,
        "the compressed file is truncated or corrupt; download or unpack it again"
            + " (skip mode cannot help: the rest of the file is lost)");
  }

  /**
   * Reads the next line; false at the end of the file. An empty last line (the file ends with a
   * newline) is not a line.
   */
  boolean next() {
    length = 0;
    tooLong = false;
    ascii = true;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!any) {
          return false;
        }
        break;
      }
      any = true;
      int start = position;
      int end = start;
      byte[] bytes = buffer;
      int stop = limit;
      while (end < stop && bytes[end] != '\n') {
        end++;
      }
      append(start, end);
      position = end;
      if (end < stop) {
        position++; // the '\n'
        break;
      }
    }
    number++;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return true;
  }

  private void append(int from, int to) {
    int count = to - from;
    if (tooLong || count == 0) {
      return;
    }
    if (length + count > MAX_LINE_BYTES) {
      tooLong = true;
      length = 0;
      return;
    }
    if (length + count > line.length) {
      line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    for (int i = from; i < to; i++) {
      byte b = buffer[i];
      line[length++] = b;
      if (b < 0) {
        ascii = false;
      }
    }
  }

  private boolean fill() {
    try {
      int n = in.read(buffer, 0, buffer.length);
      if (n <= 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    } catch (EOFException | ZipException e) {
      throw corrupt(name, number + 1);
    } catch (IOException e) {
      throw new ImportException(name, number + 1, "cannot be read: " + e.getMessage());
    }
  }

  /** The 1-based number of the current line. */
  long number() {
    return number;
  }

  /** Whether the current line was longer than {@link #MAX_LINE_BYTES} (its bytes are dropped). */
  boolean tooLong() {
    return tooLong;
  }

  /** Why the current line cannot be a row, or null when its bytes are fine. */
  String problem() {
    if (tooLong) {
      return String.format(
          "the line is longer than %,d bytes; is this a MovieLens file?", MAX_LINE_BYTES);
    }
    if (!ascii && decode() == null) {
      return "the line is not valid UTF-8 (the file must be saved as UTF-8)";
    }
    return null;
  }

  /** The current line's bytes, valid until the next call of {@link #next}. */
  byte[] bytes() {
    return line;
  }

  int length() {
    return length;
  }

  /** The current line as text, or null when it is not valid UTF-8. */
  String text() {
    if (ascii) {
      return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
    CharBuffer chars = decode();
    return chars == null ? null : chars.toString();
  }

  private CharBuffer decode() {
    try {
      return decoder.reset().decode(ByteBuffer.wrap(line, 0, length));
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Bytes read from disk so far (compressed bytes for a .gz), for progress. */
  long bytesRead() {
    return counting.count;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // nothing was written; a failing close of a read-only file changes nothing
    }
  }

  /** Counts the bytes read from disk, for progress. */
  private static final class CountingStream extends java.io.FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}

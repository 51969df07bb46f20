package app.movierec.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with hand-written number formatting: writing 25 million CSV rows through
 * {@code String.format} or a {@code Writer} would cost more than generating them.
 */
final class AsciiBuffer {

  private byte[] bytes;
  private int size;

  AsciiBuffer(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  AsciiBuffer comma() {
    return ascii(',');
  }

  AsciiBuffer newline() {
    return ascii('\n');
  }

  AsciiBuffer ascii(char c) {
    ensure(1);
    bytes[size++] = (byte) c;
    return this;
  }

  /** A non-negative long in decimal. */
  AsciiBuffer number(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative: " + value);
    }
    ensure(20);
    if (value == 0) {
      bytes[size++] = '0';
      return this;
    }
    int digits = 0;
    for (long v = value; v > 0; v /= 10) {
      digits++;
    }
    int end = size + digits;
    for (int i = end - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size = end;
    return this;
  }

  /** A non-negative number padded with zeros to {@code width} digits (IMDb ids: "0114709"). */
  AsciiBuffer zeroPadded(long value, int width) {
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    for (int i = digits; i < width; i++) {
      ascii('0');
    }
    return number(value);
  }

  /** A number of half stars as MovieLens writes it: 7 -> "3.5", 8 -> "4.0". */
  AsciiBuffer halfStars(int halves) {
    number(halves / 2);
    ensure(2);
    bytes[size++] = '.';
    bytes[size++] = (byte) (halves % 2 == 0 ? '0' : '5');
    return this;
  }

  /** A value in [0, 1] with five decimals ("0.02875", "1.00000"). */
  AsciiBuffer fraction5(double value) {
    long scaled = Math.round(Math.max(0, Math.min(1, value)) * 100_000);
    ensure(7);
    bytes[size++] = (byte) (scaled >= 100_000 ? '1' : '0');
    bytes[size++] = '.';
    long rest = scaled >= 100_000 ? 0 : scaled;
    for (int divisor = 10_000; divisor >= 1; divisor /= 10) {
      bytes[size++] = (byte) ('0' + (rest / divisor) % 10);
    }
    return this;
  }

  /** Text as a CSV field: quoted (quotes doubled) when it holds a comma, a quote or a newline. */
  AsciiBuffer csvField(String text) {
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    if (!quote) {
      return text(text);
    }
    ascii('"');
    text(text.replace("\"", "\"\""));
    return ascii('"');
  }

  /** Text in UTF-8, unquoted. */
  AsciiBuffer text(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, size, utf8.length);
    size += utf8.length;
    return this;
  }

  @Override
  public String toString() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }
}

package app.movierec.catalog.imports;

import java.nio.charset.StandardCharsets;

/**
 * One row of an all-numeric MovieLens file (ratings.csv, genome-scores.csv), parsed from the line's
 * bytes. Hand-written because these files are most of the data (40 million rows in ML-25M) and a
 * String and a {@code parseFloat} per field cost more than reading the file. The numbers it accepts
 * are exactly those {@link Integer#parseInt}, {@link Long#parseLong} and {@link Float#parseFloat}
 * accept after {@link String#strip} (anything unusual goes through them), and a row that is not
 * numbers says which field and what it holds.
 */
final class NumericRow {

  /** The powers of ten a float holds exactly. */
  private static final float[] POWERS_OF_TEN = {
    1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f
  };

  private byte[] bytes = new byte[0];
  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private int fields;

  /**
   * Takes a line; returns true when it has quotes and must be parsed as CSV first ({@link
   * #set(String[])}).
   */
  boolean set(byte[] line, int length) {
    bytes = line;
    fields = 0;
    int start = 0;
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b == ',') {
        add(start, i);
        start = i + 1;
      } else if (b == '"') {
        return true;
      }
    }
    add(start, length);
    return false;
  }

  /** Takes fields that a CSV parser has unquoted. */
  void set(String[] values) {
    StringBuilder joined = new StringBuilder();
    int[] bounds = new int[values.length * 2];
    for (int k = 0; k < values.length; k++) {
      bounds[2 * k] = joined.length();
      joined.append(values[k]);
      bounds[2 * k + 1] = joined.length();
    }
    bytes = joined.toString().getBytes(StandardCharsets.UTF_8);
    fields = 0;
    // the byte offsets equal the char offsets unless a field has non-ASCII text, which is not a
    // number anyway; then re-split on the exact bytes
    if (bytes.length != joined.length()) {
      bytes = String.join("\u0001", values).getBytes(StandardCharsets.UTF_8);
      int start = 0;
      for (int i = 0; i <= bytes.length; i++) {
        if (i == bytes.length || bytes[i] == 1) {
          add(start, i);
          start = i + 1;
        }
      }
      return;
    }
    for (int k = 0; k < values.length; k++) {
      add(bounds[2 * k], bounds[2 * k + 1]);
    }
  }

  private void add(int start, int end) {
    if (fields == starts.length) {
      starts = java.util.Arrays.copyOf(starts, fields * 2);
      ends = java.util.Arrays.copyOf(ends, fields * 2);
    }
    starts[fields] = start;
    ends[fields] = end;
    fields++;
  }

  int fields() {
    return fields;
  }

  /** Field {@code k} as text, for messages. */
  String text(int k) {
    return new String(bytes, starts[k], ends[k] - starts[k], StandardCharsets.UTF_8);
  }

  /** Field {@code k} as a whole number that fits an int and is positive. */
  int positiveInt(int k, String field) throws RowException {
    long value = wholeNumber(k, field);
    if (value != (int) value) {
      throw new RowException(field + " '" + text(k) + "' is not a whole number");
    }
    if (value <= 0) {
      throw new RowException(field + " " + value + " must be positive");
    }
    return (int) value;
  }

  /** Field {@code k} as a whole number that fits a long. */
  long wholeNumber(int k, String field) throws RowException {
    int i = starts[k];
    int end = ends[k];
    boolean negative = false;
    if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
      negative = bytes[i] == '-';
      i++;
    }
    int digits = end - i;
    if (digits > 0 && digits <= 18) {
      long value = 0;
      for (; i < end; i++) {
        int d = bytes[i] - '0';
        if (d < 0 || d > 9) {
          return slowWholeNumber(k, field);
        }
        value = value * 10 + d;
      }
      return negative ? -value : value;
    }
    return slowWholeNumber(k, field);
  }

  private long slowWholeNumber(int k, String field) throws RowException {
    String text = text(k);
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new RowException(field + " '" + text + "' is not a whole number");
    }
  }

  /** Field {@code k} as a finite float. */
  float number(int k, String field) throws RowException {
    int i = starts[k];
    int end = ends[k];
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = -1;
    for (; i < end; i++) {
      byte b = bytes[i];
      if (b >= '0' && b <= '9') {
        if (mantissa == 0 && b == '0') {
          // leading zeros carry no precision
        } else {
          digits++;
        }
        mantissa = mantissa * 10 + (b - '0');
        if (fractionDigits >= 0) {
          fractionDigits++;
        }
      } else if (b == '.' && fractionDigits < 0) {
        fractionDigits = 0;
      } else {
        return slowNumber(k, field); // signs, exponents, spaces, junk: the JDK decides
      }
    }
    boolean anyDigit = end > starts[k] && !(end - starts[k] == 1 && fractionDigits == 0);
    if (!anyDigit || digits > 7 || fractionDigits >= POWERS_OF_TEN.length) {
      return slowNumber(k, field);
    }
    // both operands are exact floats (mantissa < 10^7 < 2^24, a power of ten <= 10^10), so the one
    // IEEE division is the correctly rounded float of the decimal, which Float.parseFloat gives too
    return fractionDigits <= 0 ? (float) mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
  }

  private float slowNumber(int k, String field) throws RowException {
    String text = text(k);
    try {
      float value = Float.parseFloat(text.strip());
      if (!Float.isFinite(value)) {
        throw new RowException(field + " '" + text + "' is not a finite number");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new RowException(field + " '" + text + "' is not a number");
    }
  }
}

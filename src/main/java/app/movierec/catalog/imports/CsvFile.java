package app.movierec.catalog.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one MovieLens CSV file (plain or .gz, UTF-8, LF or CRLF, RFC 4180 quoting) row by row,
 * after checking its header. Every problem is reported with the file's name and the line the row
 * starts on. With {@link OnError#SKIP} a bad row, even one with broken quoting, is left out and
 * reading goes on with the next line.
 *
 * <p>Lines come from {@link LineReader} (bounded length, UTF-8 checked per line). A line without a
 * quote is split at its commas; a line with quotes is parsed by commons-csv, joined with the next
 * lines while a quoted field is open. The all-numeric files (ratings, genome scores: 25 and 15
 * million rows in ML-25M) go through {@link #forEachNumericRow}, which parses the numbers straight
 * from the line's bytes: commons-csv plus {@code Float.parseFloat} on a String per field took most
 * of the CPU of reading them.
 */
final class CsvFile {

  /** A row's handler; throws {@link RowException} for a malformed row. */
  @FunctionalInterface
  interface RowHandler {
    void accept(String[] row, long line) throws RowException;
  }

  /** A numeric row's handler; throws {@link RowException} for a malformed row. */
  @FunctionalInterface
  interface NumericHandler {
    void accept(NumericRow row, long line) throws RowException;
  }

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

  /** How often (in rows) progress and cancellation are looked at. */
  private static final int CHECK_EVERY = 1 << 14;

  private final Path path;
  private final String name;
  private final List<String> header;
  private final OnError onError;
  private final SkippedRows skipped;
  private BooleanSupplier cancelled = () -> false;

  CsvFile(Path path, List<String> header, OnError onError, SkippedRows skipped) {
    this.path = path;
    this.name = path.getFileName().toString();
    this.header = header;
    this.onError = onError;
    this.skipped = skipped;
  }

  /** Stops reading (with {@link ImportCancelledException}) once {@code cancelled} says so. */
  CsvFile cancelledWhen(BooleanSupplier cancelled) {
    this.cancelled = cancelled;
    return this;
  }

  String name() {
    return name;
  }

  /**
   * Calls {@code handler} for every data row. {@code progress} receives the fraction of the file
   * read so far (by bytes on disk, so it works for .gz files too).
   *
   * @return the number of rows handed to the handler without a problem
   */
  long forEachRow(RowHandler handler, DoubleConsumer progress) {
    long fileSize = size();
    long good = 0;
    long rows = 0;
    try (LineReader lines = LineReader.open(path)) {
      checkHeader(lines);
      Deque<Pending> pushedBack = new ArrayDeque<>();
      while (true) {
        Pending first = nextLine(lines, pushedBack);
        if (first == null) {
          break;
        }
        if (first.problem != null) {
          problem(first.line, first.problem);
          continue;
        }
        if (first.text.isEmpty()) {
          continue;
        }
        String[] row;
        try {
          row = first.text.indexOf('"') < 0 ? split(first.text) : quoted(first, lines, pushedBack);
        } catch (RowException e) {
          problem(first.line, e.getMessage());
          continue;
        }
        try {
          checkColumns(row.length);
          handler.accept(row, first.line);
          good++;
        } catch (RowException e) {
          problem(first.line, e.getMessage());
        }
        if ((++rows & (CHECK_EVERY - 1)) == 0) {
          check(progress, lines, fileSize);
        }
      }
    }
    progress.accept(1);
    return good;
  }

  /** A physical line, or why it is unusable. */
  private record Pending(long line, String text, String problem) {}

  private static Pending nextLine(LineReader lines, Deque<Pending> pushedBack) {
    if (!pushedBack.isEmpty()) {
      return pushedBack.pollFirst();
    }
    if (!lines.next()) {
      return null;
    }
    String problem = lines.problem();
    return new Pending(lines.number(), problem == null ? lines.text() : null, problem);
  }

  /**
   * Parses a record that has quotes, joining the following lines while a quoted field is open (at
   * most {@link LineReader#MAX_LINE_BYTES} in all). A record that never closes its quote is broken;
   * the lines after its first are then read again as rows of their own.
   */
  private String[] quoted(Pending first, LineReader lines, Deque<Pending> pushedBack)
      throws RowException {
    StringBuilder record = new StringBuilder(first.text);
    List<Pending> joined = new ArrayList<>();
    while (quotesOpen(record)) {
      Pending next = nextLine(lines, pushedBack);
      if (next == null
          || next.problem != null
          || record.length() + next.text.length() > LineReader.MAX_LINE_BYTES) {
        if (next != null) {
          joined.add(next);
        }
        for (int i = joined.size() - 1; i >= 0; i--) {
          pushedBack.addFirst(joined.get(i));
        }
        throw new RowException("broken quoting: a quoted field is not closed");
      }
      joined.add(next);
      record.append('\n').append(next.text);
    }
    try (CSVParser parser = CSVParser.parse(record.toString(), FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        throw new RowException("broken quoting: one line holds " + records.size() + " rows");
      }
      return records.getFirst().values();
    } catch (IOException | UncheckedIOException e) {
      String message = e.getMessage() == null ? "unreadable row" : e.getMessage();
      // commons-csv says e.g. "(line 1) invalid char between encapsulated token and delimiter at
      // line: 1, position: 37"
      throw new RowException(
          "broken quoting: "
              + message
                  .replaceAll("^.*\\(line \\d+\\) ", "")
                  .replaceAll(" at line: \\d+, position: \\d+", ""));
    }
  }

  private static boolean quotesOpen(CharSequence text) {
    int quotes = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        quotes++;
      }
    }
    return (quotes & 1) == 1;
  }

  private static String[] split(String text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ',') {
        count++;
      }
    }
    String[] fields = new String[count];
    int start = 0;
    for (int k = 0; k < count; k++) {
      int end = k == count - 1 ? text.length() : text.indexOf(',', start);
      fields[k] = text.substring(start, end);
      start = end + 1;
    }
    return fields;
  }

  /**
   * Like {@link #forEachRow} for files whose fields are all numbers: the handler reads them from
   * the line's bytes without a String per field. A line with quotes is parsed as CSV first.
   */
  long forEachNumericRow(NumericHandler handler, DoubleConsumer progress) {
    long fileSize = size();
    long good = 0;
    long rows = 0;
    NumericRow row = new NumericRow();
    try (LineReader lines = LineReader.open(path)) {
      checkHeader(lines);
      while (lines.next()) {
        long line = lines.number();
        String problem = lines.problem();
        if (problem != null) {
          problem(line, problem);
          continue;
        }
        if (lines.length() == 0) {
          continue;
        }
        try {
          if (row.set(lines.bytes(), lines.length())) {
            row.set(unquoted(lines.text()));
          }
          checkColumns(row.fields());
          handler.accept(row, line);
          good++;
        } catch (RowException e) {
          problem(line, e.getMessage());
        }
        if ((++rows & (CHECK_EVERY - 1)) == 0) {
          check(progress, lines, fileSize);
        }
      }
    }
    progress.accept(1);
    return good;
  }

  private static String[] unquoted(String text) throws RowException {
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        throw new RowException("broken quoting: a quoted field is not closed");
      }
      return records.getFirst().values();
    } catch (IOException | UncheckedIOException e) {
      throw new RowException("broken quoting: " + e.getMessage());
    }
  }

  private void check(DoubleConsumer progress, LineReader lines, long fileSize) {
    if (cancelled.getAsBoolean()) {
      throw new ImportCancelledException();
    }
    progress.accept(fileSize == 0 ? 1 : Math.min(1, lines.bytesRead() / (double) fileSize));
  }

  private void checkColumns(int found) throws RowException {
    if (found != header.size()) {
      throw new RowException(
          "expected "
              + header.size()
              + " columns ("
              + String.join(",", header)
              + ") but found "
              + found);
    }
  }

  private void problem(long line, String reason) {
    if (onError == OnError.FAIL) {
      throw new ImportException(
          name,
          line,
          reason
              + " (fix the row, or start with --movierec.import.on-error=skip to leave such rows out)");
    }
    skipped.add(name + " line " + line + ": " + reason);
  }

  private void checkHeader(LineReader lines) {
    if (!lines.next()) {
      throw new ImportException(
          name, 1, "the file is empty; expected the header " + String.join(",", header));
    }
    String problem = lines.problem();
    String text = problem == null ? lines.text() : null;
    if (text == null) {
      throw new ImportException(name, 1, problem + "; expected the header " + header);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> found;
    try {
      found = List.of(text.indexOf('"') < 0 ? split(text) : unquoted(text));
    } catch (RowException e) {
      found = List.of(text);
    }
    if (!found.equals(header)) {
      throw new ImportException(
          name,
          1,
          "expected the header "
              + String.join(",", header)
              + " but found "
              + abbreviate(String.join(",", found))
              + "; is this the right file?");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private long size() {
    try {
      return Files.isRegularFile(path) ? Files.size(path) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}

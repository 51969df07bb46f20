package app.movierec.catalog.imports;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one MovieLens CSV file (plain or .gz, UTF-8, LF or CRLF, RFC 4180 quoting) row by row,
 * after checking its header. Every problem is reported with the file's name and the line the row
 * starts on. With {@link OnError#SKIP} a bad row, even one with broken quoting, is left out and
 * reading goes on with the next line.
 */
final class CsvFile {

  /** A row's handler; throws {@link RowException} for a malformed row. */
  @FunctionalInterface
  interface RowHandler {
    void accept(CSVRecord row, long line) throws RowException;
  }

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

  private final Path path;
  private final String name;
  private final List<String> header;
  private final OnError onError;
  private final SkippedRows skipped;

  CsvFile(Path path, List<String> header, OnError onError, SkippedRows skipped) {
    this.path = path;
    this.name = path.getFileName().toString();
    this.header = header;
    this.onError = onError;
    this.skipped = skipped;
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
    long linesBefore =
        0; // lines consumed before the parser (re)started, after a skipped broken row
    long good = 0;
    boolean headerChecked = false;
    while (true) {
      try (CountingStream counting = new CountingStream(Files.newInputStream(path));
          BufferedReader reader = open(counting)) {
        skipLines(reader, linesBefore);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        Iterator<CSVRecord> records = parser.iterator();
        long lastLineEnd = linesBefore;
        long recordStart = linesBefore + 1;
        try {
          while (records.hasNext()) {
            CSVRecord record = records.next();
            long line = recordStart;
            lastLineEnd = linesBefore + parser.getCurrentLineNumber();
            recordStart = lastLineEnd + 1;
            if (!headerChecked) {
              checkHeader(record);
              headerChecked = true;
              continue;
            }
            try {
              if (record.size() != header.size()) {
                throw new RowException(
                    "expected "
                        + header.size()
                        + " columns ("
                        + String.join(",", header)
                        + ") but found "
                        + record.size());
              }
              handler.accept(record, line);
              good++;
            } catch (RowException e) {
              problem(line, e.getMessage());
            }
            if ((good & 0xFFFF) == 0) {
              progress.accept(
                  fileSize == 0 ? 1 : Math.min(1, counting.count() / (double) fileSize));
            }
          }
          progress.accept(1);
          if (!headerChecked) {
            throw new ImportException(
                name, 1, "the file is empty; expected the header " + String.join(",", header));
          }
          return good;
        } catch (UncheckedIOException e) {
          // Broken quoting (or undecodable bytes): commons-csv cannot go on after this, so note the
          // row and restart
          // reading after the line it started on.
          long line = recordStart;
          problem(line, describe(e.getCause()));
          if (!headerChecked) {
            throw new ImportException(name, line, describe(e.getCause()));
          }
          linesBefore = line;
        }
      } catch (IOException e) {
        throw new ImportException("Cannot read " + path + ": " + e.getMessage(), e);
      }
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

  private void checkHeader(CSVRecord record) {
    List<String> found = record.toList();
    if (!found.isEmpty() && found.getFirst().startsWith("\uFEFF")) {
      found = new java.util.ArrayList<>(found);
      found.set(0, found.getFirst().substring(1));
    }
    if (!found.equals(header)) {
      throw new ImportException(
          name,
          1,
          "expected the header "
              + String.join(",", header)
              + " but found "
              + String.join(",", found)
              + "; is this the right file?");
    }
  }

  private static String describe(Throwable cause) {
    if (cause instanceof CharacterCodingException) {
      return "the file is not valid UTF-8";
    }
    String message = cause == null ? "unreadable row" : cause.getMessage();
    // commons-csv says e.g. "(line 4) invalid char between encapsulated token and delimiter at
    // line: 4, position: 37"
    return "broken quoting: "
        + message
            .replaceAll("^\\(line \\d+\\) ", "")
            .replaceAll(" at line: \\d+, position: \\d+", "");
  }

  private long size() {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new ImportException("Cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private BufferedReader open(InputStream raw) throws IOException {
    InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }

  private static void skipLines(BufferedReader reader, long lines) throws IOException {
    for (long i = 0; i < lines && reader.readLine() != null; i++) {
      // skipping what was read before the restart
    }
  }

  /** Counts the bytes read from disk, for progress. */
  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
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

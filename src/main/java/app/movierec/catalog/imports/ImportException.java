package app.movierec.catalog.imports;

/**
 * The import cannot go on: a file is missing or unreadable, or a row is malformed. The message
 * names the file, the line (when there is one) and what to do, and is meant to be shown to the user
 * as it is.
 */
public class ImportException extends RuntimeException {

  private final String file;
  private final long line;

  public ImportException(String file, long line, String reason) {
    super(file + (line > 0 ? " line " + line : "") + ": " + reason);
    this.file = file;
    this.line = line;
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
    this.file = null;
    this.line = 0;
  }

  /** The file's name, or null when the problem is not about one file. */
  public String file() {
    return file;
  }

  /** The 1-based line where the bad row starts, or 0 when the problem is not about one row. */
  public long line() {
    return line;
  }
}

package app.movierec.catalog.imports;

/**
 * The dataset could not be downloaded; the message says what failed and how to supply the files by
 * hand.
 */
public class DatasetUnavailableException extends ImportException {

  private final String action;

  public DatasetUnavailableException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  /** What the user can do about it, e.g. how to download and unpack the files by hand. */
  public String action() {
    return action;
  }
}

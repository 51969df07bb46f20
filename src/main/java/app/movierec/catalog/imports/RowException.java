package app.movierec.catalog.imports;

/**
 * A row is malformed; {@link CsvFile} adds the file and line and then fails or skips according to
 * the policy.
 */
final class RowException extends Exception {

  RowException(String reason) {
    super(reason, null, false, false);
  }
}

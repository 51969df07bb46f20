package app.movierec.catalog.imports;

/** What a malformed row does to an import ({@code movierec.import.on-error}). */
public enum OnError {
  /** The import stops with the file, line and reason; the database keeps its previous state. */
  FAIL,
  /** The row is left out; the import reports how many rows it skipped and the first few reasons. */
  SKIP
}

package app.movierec.catalog.imports;

/**
 * The import was stopped because the application is shutting down; the database keeps its previous
 * dataset and the next start imports again.
 */
public class ImportCancelledException extends ImportException {

  ImportCancelledException() {
    super("The import was stopped: the application is shutting down", null);
  }
}

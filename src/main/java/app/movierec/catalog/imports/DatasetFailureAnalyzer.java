package app.movierec.catalog.imports;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed download or import into Spring Boot's short "APPLICATION FAILED TO START" report
 * (what failed, what to do) instead of a wall of stack traces; the app then exits with status 1.
 */
class DatasetFailureAnalyzer extends AbstractFailureAnalyzer<ImportException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ImportException cause) {
    if (cause instanceof DatasetUnavailableException unavailable) {
      return new FailureAnalysis(cause.getMessage(), unavailable.action(), null);
    }
    return new FailureAnalysis(
        "The MovieLens import failed: " + cause.getMessage(),
        "Fix the file and start again (the database still holds its previous dataset), or point "
            + "--movierec.data-dir at another folder. To leave malformed rows out instead, start with "
            + "--movierec.import.on-error=skip.",
        null);
  }
}

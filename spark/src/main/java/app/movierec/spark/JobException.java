package app.movierec.spark;

/** A problem with the job's input or output that the user can fix; printed as one line. */
final class JobException extends RuntimeException {

  JobException(String message) {
    super(message);
  }

  JobException(String message, Throwable cause) {
    super(message, cause);
  }
}

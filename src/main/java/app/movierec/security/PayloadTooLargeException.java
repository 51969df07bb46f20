package app.movierec.security;

import java.io.IOException;

/**
 * A request body that turned out longer than its limit while being read (one sent without a
 * Content-Length); the API answers 413.
 */
public class PayloadTooLargeException extends IOException {

  private final long limit;

  PayloadTooLargeException(long limit) {
    super("the request body is longer than " + limit + " bytes");
    this.limit = limit;
  }

  /** The limit in bytes. */
  public long limit() {
    return limit;
  }
}

package app.movierec.api;

/** Invalid input to the API; answered with 400 and the offending field. */
class BadRequestException extends RuntimeException {

  private final String field;

  BadRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }
}

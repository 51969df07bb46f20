package app.movierec.ratings;

/**
 * A rating that cannot be stored: a value outside 0.5-5.0 in half stars, or a movie the catalogue
 * does not have.
 */
public class InvalidRatingException extends IllegalArgumentException {

  private final String field;

  public InvalidRatingException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The offending input field, e.g. {@code rating} or {@code movieId}. */
  public String field() {
    return field;
  }
}

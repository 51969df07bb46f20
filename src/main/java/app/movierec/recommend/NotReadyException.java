package app.movierec.recommend;

/**
 * Thrown when the recommender is asked before its first model finished training; see {@code
 * ready()}.
 */
public class NotReadyException extends IllegalStateException {

  public NotReadyException() {
    super("the recommender is still training; check ready() or the progress tracker");
  }
}

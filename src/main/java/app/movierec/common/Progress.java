package app.movierec.common;

/**
 * A snapshot of long-running work for the UI and logs.
 *
 * @param stage which part of the start-up pipeline is running
 * @param phase a short human-readable description, e.g. "Importing ratings.csv" or "ALS iteration 3
 *     of 15"
 * @param fraction 0..1 when known, or -1 when the work has no measurable size yet
 * @param error the one-paragraph message of a failure, or null
 */
public record Progress(Stage stage, String phase, double fraction, String error) {

  /**
   * The pipeline the app walks through at start-up; {@link #READY} means recommendations can be
   * served.
   */
  public enum Stage {
    STARTING,
    DOWNLOADING,
    IMPORTING,
    TRAINING,
    READY,
    FAILED
  }

  public boolean ready() {
    return stage == Stage.READY;
  }

  public boolean failed() {
    return stage == Stage.FAILED;
  }
}

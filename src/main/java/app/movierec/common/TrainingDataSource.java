package app.movierec.common;

import java.util.Optional;

/**
 * Where the models' training data comes from in the running app (the database); the recommender
 * asks for it when it trains, without knowing the database.
 */
@FunctionalInterface
public interface TrainingDataSource {

  /** Everything the models train on, as the database holds it now. */
  TrainingData load();

  /**
   * The fingerprint {@link #load()} would give now, found cheaply (the imported dataset's
   * fingerprint and a watermark of the live ratings, not a read of every rating), so that a saved
   * snapshot of the data can be used instead when it is current. Empty when the source cannot tell
   * without loading.
   */
  default Optional<String> fingerprint() {
    return Optional.empty();
  }

  /**
   * The data an import collected while it wrote these rows, if it has {@code fingerprint} (what
   * {@link #load()} would read now); taken once, so that it is not kept after the first training.
   */
  default Optional<TrainingData> takeCollected(String fingerprint) {
    return Optional.empty();
  }
}

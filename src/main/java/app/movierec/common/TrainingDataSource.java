package app.movierec.common;

/**
 * Where the models' training data comes from in the running app (the database); the recommender
 * asks for it when it trains, without knowing the database.
 */
@FunctionalInterface
public interface TrainingDataSource {

  /** Everything the models train on, as the database holds it now. */
  TrainingData load();
}

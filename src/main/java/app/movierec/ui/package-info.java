/**
 * The web UI (Vaadin Flow): {@link app.movierec.ui.RecommendationsView} at {@code /} (user lookup,
 * Hybrid/ALS/Content tabs, the α/β blend slider, the poster grid, a movie's details) with its state
 * in the URL ({@link app.movierec.ui.BrowseState}), and {@link app.movierec.ui.StatusView} at
 * {@code /status}. Views only call services; {@link app.movierec.ui.MovieCardService} turns the
 * recommender's movie ids into poster cards.
 */
package app.movierec.ui;

/**
 * The web UI (Vaadin Flow), every page inside {@link app.movierec.ui.MainLayout} (header with title
 * search and the session's {@link app.movierec.ui.CurrentUser}, footer with the attributions):
 * {@link app.movierec.ui.RecommendationsView} at {@code /} (user, taste chart, tabs, the blend
 * slider, the poster grid; its state in the URL, {@link app.movierec.ui.BrowseState}), {@link
 * app.movierec.ui.MovieView} at {@code /movie/{id}}, {@link app.movierec.ui.StatusView} at {@code
 * /status} and {@link app.movierec.ui.NotFoundView} (HTTP 404) for anything else. Views only call
 * services; {@link app.movierec.ui.MovieCardService} turns the recommender's movie ids into poster
 * cards. A page opened by its address is built on the server in the same request ({@code
 * InitialNavigation}) and also sent as plain HTML ({@code FirstPaint}), shown until Vaadin's client
 * takes over.
 */
package app.movierec.ui;

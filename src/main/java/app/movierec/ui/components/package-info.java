/**
 * Reusable Vaadin components that views compose: the poster-first {@link
 * app.movierec.ui.components.MovieCard} with the badge people read ({@link
 * app.movierec.ui.components.MatchScore}), the half-star {@link
 * app.movierec.ui.components.StarRating} and the ECharts {@link
 * app.movierec.ui.components.TasteChart}. Built only from components in Vaadin's prebuilt bundle
 * (plus a webjar script) and styled by the {@code mr-} classes in {@code
 * frontend/styles/movierec.css}.
 */
package app.movierec.ui.components;

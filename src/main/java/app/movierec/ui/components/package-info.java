/**
 * Reusable Vaadin components that views compose: the poster-first {@link
 * app.movierec.ui.components.MovieCard} and the plain data it shows. Built only from components in
 * Vaadin's prebuilt bundle and styled by the {@code mr-} classes in {@code
 * frontend/styles/movierec.css}.
 */
package app.movierec.ui.components;

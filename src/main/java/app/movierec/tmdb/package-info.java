/**
 * Movie posters and outside links: a small TMDB API client (Spring's {@code RestClient},
 * server-side only, the key never reaches the browser), a poster-path cache in H2 behind a bounded
 * Caffeine cache so each movie is asked for once, generated SVG posters for when TMDB has none or
 * no key is configured, and the TMDB/IMDb link builders. {@link app.movierec.tmdb.PosterService} is
 * the entry point for the UI.
 */
package app.movierec.tmdb;

/**
 * The movie catalogue: movies, their IMDb/TMDB links, users' free-text tags and the tag genome, as
 * JPA entities, {@link app.movierec.catalog.CatalogService} to read them and {@link
 * app.movierec.catalog.MovieTitle} to write a MovieLens title as people do. The import lives in
 * {@code catalog.imports}.
 */
package app.movierec.catalog;

/**
 * The movie catalogue: movies, their IMDb/TMDB links, users' free-text tags and the tag genome, as
 * JPA entities, and {@link app.movierec.catalog.CatalogService} to read them. The import lives in
 * {@code catalog.imports}.
 */
package app.movierec.catalog;

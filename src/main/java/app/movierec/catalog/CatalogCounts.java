package app.movierec.catalog;

/** How many rows of each kind the catalogue holds. */
public record CatalogCounts(
    long movies, long links, long userTags, long genomeTags, long genomeMovies) {}

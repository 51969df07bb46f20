package app.movierec.catalog;

/**
 * A movie as lists show it: the catalogue row and its links (null when links.csv has none). Read
 * once and kept by {@link CatalogService#listings}, since the catalogue only changes with an
 * import.
 */
public record MovieListing(Movie movie, Link link) {

  public int movieId() {
    return movie.getMovieId();
  }

  /** TMDB's id, or null. */
  public Integer tmdbId() {
    return link == null ? null : link.getTmdbId();
  }

  /** IMDb's numeric id (without "tt"), or null. */
  public Integer imdbId() {
    return link == null ? null : link.getImdbId();
  }
}

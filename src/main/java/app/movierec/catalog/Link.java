package app.movierec.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A movie's ids on IMDb and TMDB (MovieLens' links.csv). tmdbId is null where MovieLens has none.
 */
@Entity
@Table(name = "movie_link")
public class Link {

  @Id
  @Column(name = "movie_id")
  private int movieId;

  /** IMDb's numeric id without the "tt" prefix, e.g. 114709 for tt0114709. */
  @Column(name = "imdb_id")
  private Integer imdbId;

  @Column(name = "tmdb_id")
  private Integer tmdbId;

  protected Link() {}

  public Link(int movieId, Integer imdbId, Integer tmdbId) {
    this.movieId = movieId;
    this.imdbId = imdbId;
    this.tmdbId = tmdbId;
  }

  public int getMovieId() {
    return movieId;
  }

  public Integer getImdbId() {
    return imdbId;
  }

  public Integer getTmdbId() {
    return tmdbId;
  }
}

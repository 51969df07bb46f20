package app.movierec.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** A movie of the catalogue, as in MovieLens' movies.csv, with the year split off the title. */
@Entity
@Table(name = "movie")
public class Movie {

  /** MovieLens' "(no genres listed)" is stored as no genres. */
  public static final String NO_GENRES = "(no genres listed)";

  /** Column lengths, which the import checks row by row before the database would refuse them. */
  public static final int TITLE_LENGTH = 512;

  public static final int GENRES_LENGTH = 512;

  @Id
  @Column(name = "movie_id")
  private int movieId;

  @Column(nullable = false, length = TITLE_LENGTH)
  private String title;

  /**
   * Release year parsed from the title; null when the title carries none. ("year" is reserved in
   * H2.)
   */
  @Column(name = "release_year")
  private Integer year;

  /** Genres joined with '|', as in MovieLens; empty for none. */
  @Column(nullable = false, length = GENRES_LENGTH)
  private String genres;

  protected Movie() {}

  public Movie(int movieId, String title, Integer year, String genres) {
    this.movieId = movieId;
    this.title = title;
    this.year = year;
    this.genres = genres;
  }

  public int getMovieId() {
    return movieId;
  }

  public String getTitle() {
    return title;
  }

  public Integer getYear() {
    return year;
  }

  public String getGenres() {
    return genres;
  }

  public List<String> genreList() {
    return genres.isEmpty() ? List.of() : Arrays.asList(genres.split("\\|"));
  }

  @Override
  public String toString() {
    return year == null ? title : title + " (" + year + ")";
  }
}

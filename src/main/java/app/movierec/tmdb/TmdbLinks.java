package app.movierec.tmdb;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Links to a movie's pages on TMDB and IMDb. A movie without the id gets {@link Optional#empty()},
 * never a link that leads nowhere. Neither link needs an API key.
 */
public final class TmdbLinks {

  private static final Pattern IMDB_ID = Pattern.compile("(?i)^(?:tt)?0*(\\d{1,10})$");

  private TmdbLinks() {}

  /**
   * {@code https://www.themoviedb.org/movie/{tmdbId}}, or empty for a missing or non-positive id.
   */
  public static Optional<String> tmdbMovieUrl(Long tmdbId) {
    if (tmdbId == null || tmdbId <= 0) {
      return Optional.empty();
    }
    return Optional.of("https://www.themoviedb.org/movie/" + tmdbId);
  }

  /** The TMDB page of the movie, or empty when it has no TMDB id. */
  public static Optional<String> tmdbMovieUrl(MovieRef movie) {
    return movie == null ? Optional.empty() : tmdbMovieUrl(movie.tmdbId());
  }

  /**
   * {@code https://www.imdb.com/title/tt0114709/} for 114709 (zero-padded to 7 digits), or empty.
   */
  public static Optional<String> imdbTitleUrl(Long imdbId) {
    if (imdbId == null || imdbId <= 0) {
      return Optional.empty();
    }
    return Optional.of("https://www.imdb.com/title/tt%07d/".formatted(imdbId));
  }

  /**
   * The IMDb page for an id as MovieLens's {@code links.csv} spells it ({@code "0114709"}), with or
   * without the {@code tt} prefix; empty for null, blank or anything that is not such an id.
   */
  public static Optional<String> imdbTitleUrl(String imdbId) {
    if (imdbId == null) {
      return Optional.empty();
    }
    var m = IMDB_ID.matcher(imdbId.strip());
    return m.matches() ? imdbTitleUrl(Long.valueOf(m.group(1))) : Optional.empty();
  }
}

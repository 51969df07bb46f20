package app.movierec.tmdb;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little the poster and link code needs to know about a movie, independent of the catalog's
 * entities.
 *
 * @param movieId the MovieLens movie id
 * @param tmdbId the TMDB movie id, or {@code null} when the dataset has none
 * @param title the display title, without the year (never null; blank becomes "Untitled")
 * @param year the release year, or {@code null} when unknown
 * @param genres the MovieLens genres in dataset order (never null; the first one picks the
 *     generated poster's colour)
 */
public record MovieRef(int movieId, Long tmdbId, String title, Integer year, List<String> genres) {

  private static final Pattern TITLE_WITH_YEAR =
      Pattern.compile("^(.*?)\\s*\\((\\d{4})(?:[–-]\\d{0,4})?\\)\\s*$");
  private static final String NO_GENRES = "(no genres listed)";

  public MovieRef {
    title = title == null || title.isBlank() ? "Untitled" : title.strip();
    genres = genres == null ? List.of() : genres.stream().filter(Objects::nonNull).toList();
  }

  /**
   * Builds a reference from MovieLens's raw columns: {@code "Toy Story (1995)"} and {@code
   * "Adventure|Animation"}. The trailing year is split off the title; {@code "(no genres listed)"}
   * becomes no genres.
   */
  public static MovieRef fromMovieLens(
      int movieId, Long tmdbId, String rawTitle, String pipeSeparatedGenres) {
    String title = rawTitle == null ? "" : rawTitle.strip();
    Integer year = null;
    Matcher m = TITLE_WITH_YEAR.matcher(title);
    if (m.matches() && !m.group(1).isBlank()) {
      title = m.group(1);
      year = Integer.valueOf(m.group(2));
    }
    List<String> genres =
        pipeSeparatedGenres == null
            ? List.of()
            : Arrays.stream(pipeSeparatedGenres.split("\\|"))
                .map(String::strip)
                .filter(g -> !g.isEmpty() && !g.equals(NO_GENRES))
                .toList();
    return new MovieRef(movieId, tmdbId, title, year, genres);
  }

  /** "Title (1995)", or just the title when the year is unknown. */
  public String titleWithYear() {
    return year == null ? title : title + " (" + year + ")";
  }
}

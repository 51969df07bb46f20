package app.movierec.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MovieRefTest {

  @Test
  void splits_year_and_genres_off_movielens_columns() {
    MovieRef movie =
        MovieRef.fromMovieLens(1, 862L, "Toy Story (1995)", "Adventure|Animation|Children");

    assertThat(movie)
        .isEqualTo(
            new MovieRef(
                1, 862L, "Toy Story", 1995, List.of("Adventure", "Animation", "Children")));
    assertThat(movie.titleWithYear()).isEqualTo("Toy Story (1995)");
  }

  @Test
  void keeps_parentheses_that_are_not_a_year_and_drops_the_no_genres_marker() {
    MovieRef movie =
        MovieRef.fromMovieLens(
            2,
            null,
            "City of Lost Children, The (Cité des enfants perdus, La) (1995)",
            "(no genres listed)");

    assertThat(movie.title()).isEqualTo("City of Lost Children, The (Cité des enfants perdus, La)");
    assertThat(movie.year()).isEqualTo(1995);
    assertThat(movie.genres()).isEmpty();
  }

  @Test
  void accepts_a_title_without_year() {
    MovieRef movie = MovieRef.fromMovieLens(3, null, "Babylon 5", null);

    assertThat(movie.year()).isNull();
    assertThat(movie.titleWithYear()).isEqualTo("Babylon 5");
  }

  @Test
  void never_has_a_blank_title_or_null_genres() {
    MovieRef movie = new MovieRef(4, null, "  ", null, null);

    assertThat(movie.title()).isEqualTo("Untitled");
    assertThat(movie.genres()).isEmpty();
  }
}

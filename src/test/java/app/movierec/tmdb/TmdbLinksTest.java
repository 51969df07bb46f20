package app.movierec.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TmdbLinksTest {

  @Test
  void links_a_movie_to_its_tmdb_page() {
    assertThat(TmdbLinks.tmdbMovieUrl(862L)).hasValue("https://www.themoviedb.org/movie/862");
    assertThat(TmdbLinks.tmdbMovieUrl(new MovieRef(1, 862L, "Toy Story", 1995, List.of())))
        .hasValue("https://www.themoviedb.org/movie/862");
  }

  @Test
  void gives_no_tmdb_link_without_a_usable_tmdb_id() {
    assertThat(TmdbLinks.tmdbMovieUrl((Long) null)).isEmpty();
    assertThat(TmdbLinks.tmdbMovieUrl(0L)).isEmpty();
    assertThat(TmdbLinks.tmdbMovieUrl(new MovieRef(1, null, "Toy Story", 1995, List.of())))
        .isEmpty();
  }

  @Test
  void zero_pads_imdb_ids_to_seven_digits() {
    assertThat(TmdbLinks.imdbTitleUrl(114709L)).hasValue("https://www.imdb.com/title/tt0114709/");
    assertThat(TmdbLinks.imdbTitleUrl(12345678L))
        .hasValue("https://www.imdb.com/title/tt12345678/");
  }

  @Test
  void reads_imdb_ids_as_movielens_and_imdb_spell_them() {
    assertThat(TmdbLinks.imdbTitleUrl("0114709")).hasValue("https://www.imdb.com/title/tt0114709/");
    assertThat(TmdbLinks.imdbTitleUrl("tt0114709"))
        .hasValue("https://www.imdb.com/title/tt0114709/");
    assertThat(TmdbLinks.imdbTitleUrl(" 114709 "))
        .hasValue("https://www.imdb.com/title/tt0114709/");
  }

  @Test
  void gives_no_imdb_link_for_a_missing_or_malformed_id() {
    assertThat(TmdbLinks.imdbTitleUrl((String) null)).isEmpty();
    assertThat(TmdbLinks.imdbTitleUrl("")).isEmpty();
    assertThat(TmdbLinks.imdbTitleUrl("0000000")).isEmpty();
    assertThat(TmdbLinks.imdbTitleUrl("tt01x4709")).isEmpty();
    assertThat(TmdbLinks.imdbTitleUrl((Long) null)).isEmpty();
  }
}

package app.movierec.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.catalog.Movie;
import app.movierec.common.ProgressListener;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MovieLensReaderTest {

  @TempDir Path dir;

  private static RecordingSink read(MovieLensFiles files, int maxMovies, OnError onError) {
    RecordingSink sink = new RecordingSink();
    new MovieLensReader(files, maxMovies, onError, ProgressListener.NONE).read(sink);
    return sink;
  }

  @Test
  void reads_quoted_titles_crlf_utf8_and_years() {
    RecordingSink sink = read(TinyDataset.copyTo(dir).files(), 0, OnError.FAIL);

    assertThat(sink.movies).hasSize(10);
    assertThat(sink.movies.get(2).getTitle()).isEqualTo("American President, The");
    assertThat(sink.movies.get(2).getYear()).isEqualTo(1995);
    assertThat(sink.movies.get(3).getTitle())
        .isEqualTo("Amélie (Fabuleux destin d'Amélie Poulain)");
    assertThat(sink.movies.get(4).getTitle())
        .isEqualTo("Crouching Tiger, Hidden Dragon (Wo hu cang long)");
    assertThat(sink.movies.get(5).getYear()).as("no year in the title").isNull();
    assertThat(sink.movies.get(7).getYear()).as("a series' open range").isEqualTo(2010);
    assertThat(sink.movies.get(9).getTitle()).isEqualTo("\"Great Performances\" Cats");
    assertThat(sink.movies.get(10).getTitle()).isEqualTo("千と千尋の神隠し");
    assertThat(sink.movies.get(1).genreList())
        .containsExactly("Adventure", "Animation", "Children", "Comedy", "Fantasy");
    assertThat(sink.movies.get(8).genreList()).as("(no genres listed)").isEmpty();
  }

  @Test
  void reads_links_with_missing_tmdb_ids_and_tags_with_quotes() {
    RecordingSink sink = read(TinyDataset.copyTo(dir).files(), 0, OnError.FAIL);

    assertThat(sink.links).hasSize(10);
    assertThat(sink.links.get(1).getImdbId()).isEqualTo(114709);
    assertThat(sink.links.get(1).getTmdbId()).isEqualTo(862);
    assertThat(sink.links.get(5).getTmdbId()).isNull();
    assertThat(sink.tags)
        .extracting(RecordingSink.TagRow::tag)
        .containsExactly("pixar", "politics, romance", "\"quirky\" French", "Miyazaki");
    assertThat(sink.ratings).hasSize(17);
    assertThat(sink.ratings.getFirst())
        .isEqualTo(new RecordingSink.RatingRow(1, 1, 5.0f, 964982720L));
  }

  @Test
  void builds_genome_vectors_in_tag_order_and_ignores_movies_outside_the_catalogue() {
    RecordingSink sink = read(TinyDataset.copyTo(dir).files(), 0, OnError.FAIL);

    assertThat(sink.genomeTags)
        .extracting(t -> t.getTag())
        .containsExactly("animation", "politics, government", "quirky");
    assertThat(sink.genome.keySet()).containsExactly(1, 2, 3, 10);
    assertThat(sink.genome.get(2)).containsExactly(0.02f, 0.90f, 0.20f);
  }

  @Test
  void reads_gzipped_files() {
    TinyDataset data = TinyDataset.copyTo(dir).gzip("ratings").gzip("genome-scores");

    RecordingSink sink = read(data.files(), 0, OnError.FAIL);

    assertThat(sink.ratings).hasSize(17);
    assertThat(sink.genome).hasSize(4);
  }

  static Stream<Arguments> malformedRows() {
    return Stream.of(
        Arguments.of("ratings.csv", "1,2,3.5", "expected 4 columns"),
        Arguments.of("ratings.csv", "x,1,4.0,964982703", "userId 'x' is not a whole number"),
        Arguments.of(
            "ratings.csv", "1,5,7.0,964982703", "rating must be 0.5 to 5.0 in half stars, got 7.0"),
        Arguments.of(
            "ratings.csv", "1,5,0.0,964982703", "rating must be 0.5 to 5.0 in half stars, got 0.0"),
        Arguments.of("ratings.csv", "1,99,4.0,964982703", "movieId 99 is not in movies.csv"),
        Arguments.of("ratings.csv", "1,1,2.0,964982703", "user 1 rated movie 1 twice"),
        Arguments.of("movies.csv", "11,\"Broken \"quote\" (1999),Drama", "broken quoting"),
        Arguments.of(
            "movies.csv", "abc,Some Movie (1999),Drama", "movieId 'abc' is not a whole number"),
        Arguments.of("movies.csv", "1,Toy Story again (1995),Comedy", "movieId 1 appears twice"),
        Arguments.of("links.csv", "99,0114709,862", "movieId 99 is not in movies.csv"),
        Arguments.of("tags.csv", "1,99,great,1445714994", "movieId 99 is not in movies.csv"),
        Arguments.of("genome-scores.csv", "1,7,0.5", "tagId 7 is not in genome-tags.csv"),
        Arguments.of("genome-scores.csv", "4,1,1.5", "relevance 1.5 is outside 0-1"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("malformedRows")
  void fails_on_a_malformed_row_naming_file_line_and_reason(
      String file, String row, String reason) {
    TinyDataset data = TinyDataset.copyTo(dir).append(file, row);
    int line = data.lines(file).size();

    assertThatThrownBy(() -> read(data.files(), 0, OnError.FAIL))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith(file + " line " + line + ": ")
        .hasMessageContaining(reason)
        .hasMessageContaining("on-error=skip")
        .satisfies(e -> assertThat(((ImportException) e).line()).isEqualTo(line));
  }

  @Test
  void fails_on_a_wrong_header_at_line_1() {
    TinyDataset data =
        TinyDataset.copyTo(dir).replaceLine("ratings.csv", 1, "user,movie,rating,timestamp");

    assertThatThrownBy(() -> read(data.files(), 0, OnError.SKIP))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith(
            "ratings.csv line 1: expected the header userId,movieId,rating,timestamp");
  }

  @Test
  void fails_when_ratings_are_missing() {
    TinyDataset data = TinyDataset.copyTo(dir);
    data.dir().resolve("ratings.csv").toFile().delete();

    assertThatThrownBy(() -> read(data.files(), 0, OnError.FAIL))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("ratings.csv: not found in");
  }

  @Test
  void skips_malformed_rows_and_reports_how_many_and_the_first() {
    TinyDataset data =
        TinyDataset.copyTo(dir)
            .append("ratings.csv", "1,5,7.0,964982703")
            .append("ratings.csv", "1,99,4.0,964982703")
            .append("ratings.csv", "4,5,4.0,964982703")
            .append("movies.csv", "11,\"Broken \"quote\" (1999),Drama")
            .append("movies.csv", "12,After The Break (2001),Drama");
    MovieLensReader reader =
        new MovieLensReader(data.files(), 0, OnError.SKIP, ProgressListener.NONE);
    RecordingSink sink = new RecordingSink();

    ImportSummary summary = reader.read(sink);

    assertThat(summary.skipped().count()).isEqualTo(3);
    assertThat(summary.skipped().examples())
        .anySatisfy(e -> assertThat(e).startsWith("movies.csv line 12: broken quoting"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "ratings.csv line 19: rating must be 0.5 to 5.0 in half stars, got 7.0"));
    assertThat(sink.movies)
        .as("reading goes on after the broken row")
        .containsKey(12)
        .doesNotContainKey(11);
    assertThat(sink.ratings)
        .hasSize(18)
        .contains(new RecordingSink.RatingRow(4, 5, 4.0f, 964982703L));
  }

  @Test
  void mini_keeps_the_most_rated_genome_movies_and_only_their_rows() {
    RecordingSink sink = read(TinyDataset.copyTo(dir).files(), 3, OnError.FAIL);

    // Movies 1, 2, 3 and 10 have genome vectors; 1 has 3 ratings, the others 2 each (ties by id).
    assertThat(sink.movies.keySet()).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(sink.ratings).allSatisfy(r -> assertThat(r.movieId()).isIn(1, 2, 3)).hasSize(7);
    assertThat(sink.links.keySet()).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(sink.tags).extracting(RecordingSink.TagRow::movieId).containsExactly(1, 2, 3);
    assertThat(sink.genome.keySet()).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void rejects_a_negative_mini_size() {
    assertThatThrownBy(
            () -> new MovieLensReader(TinyDataset.copyTo(dir).files(), -1, OnError.FAIL, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-movies");
  }

  @Test
  void movie_title_without_year_keeps_its_parentheses() {
    assertThat(MovieTitles.split("Hamlet (Gamlet) "))
        .isEqualTo(new MovieTitles.TitleAndYear("Hamlet (Gamlet)", null));
    assertThat(MovieTitles.split("1984 (1984)"))
        .isEqualTo(new MovieTitles.TitleAndYear("1984", 1984));
    assertThat(Movie.NO_GENRES).isEqualTo("(no genres listed)");
  }
}

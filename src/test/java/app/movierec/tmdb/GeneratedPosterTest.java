package app.movierec.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class GeneratedPosterTest {

  private static Document parse(String svg) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static String visibleText(String svg) throws Exception {
    return parse(svg).getDocumentElement().getTextContent();
  }

  @Test
  void escapes_markup_characters_in_the_title_so_the_svg_stays_well_formed() throws Exception {
    var movie = new MovieRef(1, null, "Tom & Jerry <\"Live\"> 'Show'", 1999, List.of("Comedy"));

    String svg = GeneratedPoster.svg(movie);

    assertThat(svg)
        .contains("&amp;", "&lt;", "&quot;", "&apos;")
        .doesNotContain("Tom & Jerry", "<\"Live");
    assertThat(visibleText(svg)).contains("Tom & Jerry", "<\"Live\">", "'Show'", "1999");
  }

  @Test
  void keeps_non_ascii_titles_intact_through_the_data_uri() throws Exception {
    var movie = new MovieRef(2, null, "Amélie 千と千尋 🎬", 2001, List.of("Romance"));

    String uri = GeneratedPoster.dataUri(movie);
    String decoded =
        new String(
            Base64.getDecoder().decode(uri.substring("data:image/svg+xml;base64,".length())),
            StandardCharsets.UTF_8);

    assertThat(uri).startsWith("data:image/svg+xml;base64,");
    assertThat(decoded).isEqualTo(GeneratedPoster.svg(movie));
    assertThat(visibleText(decoded)).contains("Amélie", "千と千尋", "🎬");
  }

  @Test
  void drops_characters_that_xml_cannot_carry() {
    var movie =
        new MovieRef(3, null, "Bad\u0000Bytes\u0007 and a lone \uD800 surrogate", null, List.of());

    assertThatCode(() -> parse(GeneratedPoster.svg(movie))).doesNotThrowAnyException();
  }

  @Test
  void wraps_a_long_title_and_ends_it_with_an_ellipsis() {
    List<String> lines =
        GeneratedPoster.wrap(
            "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb, an extended and much longer title",
            14,
            4);

    assertThat(lines).hasSize(4).allMatch(line -> line.codePointCount(0, line.length()) <= 14);
    assertThat(lines.getFirst()).isEqualTo("Dr.");
    assertThat(lines.getLast()).endsWith("…");
  }

  @Test
  void breaks_a_word_longer_than_a_line_without_splitting_characters() {
    List<String> lines = GeneratedPoster.wrap("Supercalifragilisticexpialidocious", 10, 6);

    assertThat(String.join("", lines)).isEqualTo("Supercalifragilisticexpialidocious");
    assertThat(lines).allMatch(line -> line.length() <= 10);
  }

  @Test
  void keeps_a_short_title_on_one_line() {
    assertThat(GeneratedPoster.wrap("  Heat ", 14, 6)).containsExactly("Heat");
  }

  @Test
  void colours_a_poster_by_its_first_genre_deterministically() {
    assertThat(GeneratedPoster.colourFor(List.of("Horror", "Comedy")))
        .isEqualTo(GeneratedPoster.colourFor(List.of("horror")))
        .isNotEqualTo(GeneratedPoster.colourFor(List.of("Comedy", "Horror")));
    assertThat(GeneratedPoster.colourFor(List.of("Some New Genre")))
        .isEqualTo(GeneratedPoster.colourFor(List.of("Some New Genre")))
        .matches("#[0-9a-f]{6}");
    assertThat(GeneratedPoster.colourFor(List.of())).matches("#[0-9a-f]{6}");
  }

  @Test
  void draws_the_same_poster_for_the_same_movie() {
    var movie = new MovieRef(4, 10L, "Heat", 1995, List.of("Action", "Crime"));

    assertThat(GeneratedPoster.dataUri(movie)).isEqualTo(GeneratedPoster.dataUri(movie));
  }

  @Test
  void the_untitled_poster_shows_genre_initial_and_year_but_not_the_title() throws Exception {
    var movie = new MovieRef(5, null, "Matrix, The", 1999, List.of("Action", "Sci-Fi"));

    String text = visibleText(GeneratedPoster.svgWithoutTitle(movie));

    assertThat(text).contains("ACTION", "M", "1999").doesNotContain("Matrix");
    assertThat(GeneratedPoster.dataUriWithoutTitle(movie)).startsWith("data:image/svg+xml;base64,");
    assertThat(GeneratedPoster.initialOf("(500) Days of Summer")).isEqualTo("5");
    assertThat(GeneratedPoster.initialOf("...")).isEmpty();
  }
}

package app.movierec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MovieLens titles as people write them (titles as stored: the year already split off). */
class MovieTitleTest {

  @Test
  void puts_a_trailing_article_back_in_front() {
    assertThat(MovieTitle.of("Mask, The").title()).isEqualTo("The Mask");
    assertThat(MovieTitle.of("Matrix, The").title()).isEqualTo("The Matrix");
    assertThat(MovieTitle.of("Walk in the Clouds, A").title()).isEqualTo("A Walk in the Clouds");
    assertThat(MovieTitle.of("Awfully Big Adventure, An").title())
        .isEqualTo("An Awfully Big Adventure");
    assertThat(MovieTitle.of("Misérables, Les").title()).isEqualTo("Les Misérables");
    assertThat(MovieTitle.of("Atalante, L'").title()).isEqualTo("L'Atalante");
  }

  @Test
  void the_article_goes_before_the_whole_title_including_its_part_after_a_colon() {
    assertThat(MovieTitle.of("Godfather: Part II, The").title())
        .isEqualTo("The Godfather: Part II");
    assertThat(MovieTitle.of("Lord of the Rings: The Fellowship of the Ring, The").title())
        .isEqualTo("The Lord of the Rings: The Fellowship of the Ring");
  }

  @Test
  void an_also_known_as_title_becomes_the_subtitle() {
    MovieTitle seven = MovieTitle.of("Seven (a.k.a. Se7en)");

    assertThat(seven.title()).isEqualTo("Seven");
    assertThat(seven.alsoKnownAs()).containsExactly("Se7en");
    assertThat(seven.subtitle()).isEqualTo("a.k.a. Se7en");
  }

  @Test
  void original_language_titles_are_subtitles_with_their_own_article_in_front() {
    MovieTitle city = MovieTitle.of("City of Lost Children, The (Cité des enfants perdus, La)");

    assertThat(city.title()).isEqualTo("The City of Lost Children");
    assertThat(city.alsoKnownAs()).containsExactly("La Cité des enfants perdus");

    MovieTitle leon = MovieTitle.of("Léon: The Professional (a.k.a. The Professional) (Léon)");
    assertThat(leon.title()).isEqualTo("Léon: The Professional");
    assertThat(leon.alsoKnownAs()).containsExactly("The Professional", "Léon");
    assertThat(leon.subtitle()).isEqualTo("a.k.a. The Professional · Léon");
  }

  @Test
  void leaves_commas_that_are_not_articles_and_brackets_that_are_the_title_alone() {
    assertThat(MovieTitle.of("Crouching Tiger, Hidden Dragon (Wo hu cang long)").title())
        .isEqualTo("Crouching Tiger, Hidden Dragon");
    assertThat(MovieTitle.of("Lock, Stock & Two Smoking Barrels").title())
        .isEqualTo("Lock, Stock & Two Smoking Barrels");
    assertThat(MovieTitle.of("(500) Days of Summer").title()).isEqualTo("(500) Days of Summer");
    assertThat(MovieTitle.of("(Untitled)").title()).isEqualTo("(Untitled)");
    assertThat(MovieTitle.of("Toy Story").alsoKnownAs()).isEmpty();
    assertThat(MovieTitle.of("Toy Story").subtitle()).isEmpty();
  }

  @Test
  void unbalanced_brackets_and_blanks_do_not_throw() {
    assertThat(MovieTitle.of("Broken (title").title()).isEqualTo("Broken (title");
    assertThat(MovieTitle.of("Broken title)").title()).isEqualTo("Broken title)");
    assertThat(MovieTitle.of(null).title()).isEmpty();
    assertThat(MovieTitle.of("Mask, The").withYear(1994)).isEqualTo("The Mask (1994)");
  }
}

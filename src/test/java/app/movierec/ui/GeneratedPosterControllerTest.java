package app.movierec.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Generated posters served by URL, on the tiny fixture. */
@SpringBootTest
class GeneratedPosterControllerTest {

  @Autowired GeneratedPosterController controller;

  @Test
  void serves_a_movies_generated_poster_without_its_title_as_a_cacheable_svg() {
    ResponseEntity<String> poster = controller.poster(1);

    assertThat(poster.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(poster.getHeaders().getContentType()).hasToString("image/svg+xml;charset=UTF-8");
    assertThat(poster.getHeaders().getCacheControl()).contains("max-age=86400").contains("public");
    assertThat(poster.getBody())
        .startsWith("<svg")
        .contains("1995")
        .as("the card prints the title below the poster")
        .doesNotContain("Toy Story");
    assertThat(GeneratedPosterController.urlOf(1)).isEqualTo("posters/generated/1.svg");
  }

  @Test
  void answers_404_for_a_movie_not_in_the_catalogue() {
    assertThat(controller.poster(999_999).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}

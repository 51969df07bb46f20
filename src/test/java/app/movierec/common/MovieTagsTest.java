package app.movierec.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MovieTagsTest {

  @Test
  void keeps_each_movies_tags_in_the_order_given_and_each_text_once() {
    MovieTags tags =
        MovieTags.builder()
            .add(20, "funny")
            .add(10, "dark")
            .add(20, "dark")
            .add(20, "funny")
            .add(10, "twist ending, classic")
            .build();

    assertThat(tags.of(20)).containsExactly("funny", "dark", "funny");
    assertThat(tags.of(10)).containsExactly("dark", "twist ending, classic");
    assertThat(tags.of(15)).isEmpty();
    assertThat(tags.size()).isEqualTo(5);
    assertThat(tags.movieIds()).containsExactly(10, 20);
    assertThat(tags.vocabulary())
        .containsExactlyInAnyOrder("funny", "dark", "twist ending, classic");
    assertThat(MovieTags.NONE.of(1)).isEmpty();
  }

  @Test
  void rejects_offsets_that_do_not_frame_the_tags() {
    assertThatThrownBy(
            () -> new MovieTags(new int[] {1}, new int[] {0, 2}, new int[] {0}, new String[] {"a"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new MovieTags(new int[] {1}, new int[] {0, 1}, new int[] {1}, new String[] {"a"}))
        .hasMessageContaining("outside the vocabulary");
  }
}

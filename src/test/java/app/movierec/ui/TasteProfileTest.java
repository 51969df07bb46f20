package app.movierec.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.ratings.Rating;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The taste chart's numbers: genome tags of liked movies when there are enough, else genres. */
class TasteProfileTest {

  private static final Map<Integer, List<String>> GENRES =
      Map.of(
          1, List.of("Comedy", "Drama"),
          2, List.of("Drama"),
          3, List.of("Horror"),
          4, List.of("Drama", "Romance"));

  private static Rating rating(int movieId, double stars) {
    return new Rating(7, movieId, (float) stars, 0);
  }

  @Test
  void counts_the_genres_of_liked_movies_when_the_genome_says_too_little() {
    List<Rating> ratings = List.of(rating(1, 5), rating(2, 4), rating(3, 2), rating(4, 4.5));

    TasteProfile profile =
        TasteProfile.of(ratings, GENRES::get, movieId -> List.of()).orElseThrow();

    assertThat(profile.heading()).isEqualTo("Genres you like");
    assertThat(profile.labels()).containsExactly("Drama", "Comedy", "Romance");
    assertThat(profile.counts()).containsExactly(3, 1, 1);
    assertThat(profile.explanation()).contains("3 movies rated 4★ or more");
  }

  @Test
  void counts_genome_tags_once_enough_liked_movies_have_a_genome_vector() {
    List<Rating> ratings = List.of(rating(1, 5), rating(2, 4), rating(4, 4.5));
    Map<Integer, List<String>> tags =
        Map.of(1, List.of("witty", "dark"), 2, List.of("dark"), 4, List.of("dark", "romantic"));

    TasteProfile profile = TasteProfile.of(ratings, GENRES::get, tags::get).orElseThrow();

    assertThat(profile.heading()).isEqualTo("Your strongest genome tags");
    assertThat(profile.labels()).containsExactly("dark", "romantic", "witty");
    assertThat(profile.counts()).containsExactly(3, 1, 1);
  }

  @Test
  void a_user_who_liked_nothing_is_profiled_by_ratings_above_their_average() {
    List<Rating> ratings = List.of(rating(1, 3), rating(3, 1));

    TasteProfile profile =
        TasteProfile.of(ratings, GENRES::get, movieId -> List.of()).orElseThrow();

    assertThat(profile.labels()).containsExactly("Comedy", "Drama");
    assertThat(profile.explanation()).contains("above average");
    assertThat(TasteProfile.of(List.of(), GENRES::get, movieId -> List.of())).isEmpty();
  }
}

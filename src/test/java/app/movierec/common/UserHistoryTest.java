package app.movierec.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserHistoryTest {

  private final UserHistory history =
      UserHistory.builder(7).rate(30, 4).rate(10, 5).rate(20, 2.5).rate(10, 3).build();

  @Test
  void keeps_movies_in_ascending_order_and_the_last_rating_of_a_movie_given_twice() {
    assertThat(history.userId()).isEqualTo(7);
    assertThat(history.movieIds()).containsExactly(10, 20, 30);
    assertThat(history.ratingOf(10)).isEqualTo(3f);
    assertThat(history.ratingOf(99)).isNaN();
    assertThat(history.contains(20)).isTrue();
    assertThat(history.meanRating()).isEqualTo((3 + 2.5 + 4) / 3);
  }

  @Test
  void newer_ratings_override_and_extend_older_ones_without_changing_either() {
    UserHistory live = UserHistory.builder(7).rate(20, 5).rate(40, 1).build();

    UserHistory effective = history.overriddenBy(live);

    assertThat(effective.movieIds()).containsExactly(10, 20, 30, 40);
    assertThat(effective.ratingOf(20)).isEqualTo(5f);
    assertThat(effective.userId()).isEqualTo(7);
    assertThat(history.ratingOf(20)).isEqualTo(2.5f);
    assertThat(history.overriddenBy(UserHistory.empty())).isSameAs(history);
  }

  @Test
  void with_and_without_give_new_histories() {
    assertThat(history.with(15, 4).movieIds()).containsExactly(10, 15, 20, 30);
    assertThat(history.without(20).movieIds()).containsExactly(10, 30);
    assertThat(history.without(99)).isSameAs(history);
  }

  @Test
  void equality_is_the_same_user_with_the_same_ratings() {
    UserHistory same = UserHistory.of(7, new int[] {20, 30, 10}, new float[] {2.5f, 4, 3});

    assertThat(same).isEqualTo(history).hasSameHashCodeAs(history);
    assertThat(same.forUser(8)).isNotEqualTo(history);
    assertThat(same.forUser(8).sameRatingsAs(history)).isTrue();
    assertThat(UserHistory.empty().isAnonymous()).isTrue();
  }

  @Test
  void a_rating_well_below_the_users_shrunk_mean_is_a_dislike_even_alone() {
    UserHistory loneLow = UserHistory.builder(1).rate(858, 0.5).build();
    UserHistory loneHigh = UserHistory.builder(1).rate(858, 5).build();
    UserHistory mixed = UserHistory.builder(1).rate(1, 5).rate(2, 4.5).rate(3, 2).build();

    // (0.5 + 5 x 3.5) / 6 = 3.0: a lone half star is far below it
    assertThat(loneLow.referenceRating()).isEqualTo(3.0);
    assertThat(loneLow.dislikes(0)).isTrue();
    assertThat(loneLow.onlyDislikes()).isTrue();
    assertThat(loneHigh.dislikes(0)).isFalse();
    assertThat(loneHigh.preference(0)).isPositive();
    assertThat(mixed.dislikes(2)).isTrue();
    assertThat(mixed.dislikes(0) || mixed.dislikes(1)).isFalse();
    assertThat(mixed.onlyDislikes()).isFalse();
    assertThat(UserHistory.empty().onlyDislikes()).isFalse();
  }

  @Test
  void refuses_what_is_not_a_history() {
    assertThatThrownBy(() -> UserHistory.builder(1).rate(5, Double.NaN))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> UserHistory.ofAscending(1, new int[] {2, 1}, new float[] {1, 1}))
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> UserHistory.builder(-3)).hasMessageContaining("userId");
  }
}

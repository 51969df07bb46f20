package app.movierec.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.common.UnknownUserException;
import app.movierec.common.UserHistory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Users' ratings on an in-memory database: MovieLens rows, visitors and live ratings. */
@SpringBootTest(
    classes = RatingsTestConfig.class,
    properties = "spring.datasource.url=jdbc:h2:mem:rating-service;DB_CLOSE_DELAY=-1")
class RatingServiceTest {

  @Autowired RatingService ratings;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void movieLensRows() {
    jdbc.update("delete from live_rating");
    jdbc.update("delete from rating");
    jdbc.update("delete from movie");
    for (int movieId = 1; movieId <= 5; movieId++) {
      jdbc.update(
          "insert into movie (movie_id, title, release_year, genres) values (?, ?, 2000, 'Drama')",
          movieId,
          "Movie " + movieId);
    }
    // user 7 rated movie 1 (4.0, older) and 2 (5.0) and 3 (4.0, newer)
    jdbc.update(
        "insert into rating (rating_key, user_id, movie_id, stars, rated_at) values (?, 7, 1, 4.0, 10)",
        Rating.key(7, 1));
    jdbc.update(
        "insert into rating (rating_key, user_id, movie_id, stars, rated_at) values (?, 7, 2, 5.0, 20)",
        Rating.key(7, 2));
    jdbc.update(
        "insert into rating (rating_key, user_id, movie_id, stars, rated_at) values (?, 7, 3, 4.0, 30)",
        Rating.key(7, 3));
  }

  @Test
  void a_users_ratings_are_exactly_their_key_range() {
    // the neighbours' keys: the largest movie id of user 6, the smallest of user 8
    jdbc.update(
        "insert into rating (rating_key, user_id, movie_id, stars, rated_at) values (?, 6, ?, 3.0, 1)",
        Rating.key(6, Integer.MAX_VALUE),
        Integer.MAX_VALUE);
    jdbc.update(
        "insert into rating (rating_key, user_id, movie_id, stars, rated_at) values (?, 8, 1, 3.0, 1)",
        Rating.key(8, 1));

    assertThat(Rating.key(6, Integer.MAX_VALUE)).isLessThan(Rating.key(7, 1));
    assertThat(ratings.ratingsOf(7)).extracting(Rating::getUserId).containsOnly(7).hasSize(3);
    assertThat(ratings.ratingsOf(8)).extracting(Rating::getMovieId).containsExactly(1);
    assertThat(ratings.userExists(6)).isTrue();
    assertThat(ratings.userExists(9)).isFalse();
  }

  @Test
  void a_movielens_users_rows_come_best_first_and_newest_first_among_equals() {
    assertThat(ratings.ratingsOf(7)).extracting(Rating::getMovieId).containsExactly(2, 3, 1);
    assertThat(ratings.userExists(7)).isTrue();
    assertThat(ratings.userExists(8)).isFalse();
    assertThat(ratings.ratingsOf(8)).isEmpty();
    assertThat(ratings.userCount()).isEqualTo(1);
    assertThat(ratings.randomUserId(new SplittableRandom(1))).contains(7);
  }

  @Test
  void a_live_rating_replaces_the_movielens_one_and_counts_at_once() {
    ratings.rate(7, 1, 1.5);
    ratings.rate(7, 4, 3.0);

    UserHistory stored = ratings.storedHistoryOf(7);
    assertThat(stored.movieIds()).containsExactly(1, 2, 3, 4);
    assertThat(stored.ratingOf(1)).isEqualTo(1.5f);
    assertThat(ratings.liveHistoryOf(7).movieIds()).containsExactly(1, 4);
    assertThat(ratings.ratingsOf(7)).extracting(Rating::getMovieId).containsExactly(2, 3, 4, 1);
    assertThat(ratings.liveRatingCount()).isEqualTo(2);
  }

  @Test
  void taking_back_a_live_rating_lets_the_movielens_one_count_again() {
    int visitor = ratings.createVisitor().userId();
    ratings.rate(visitor, 4, 3.5);
    ratings.rate(7, 2, 1.0);

    assertThat(ratings.deleteLiveRating(visitor, 4)).isTrue();
    assertThat(ratings.deleteLiveRating(7, 2)).isTrue();

    assertThat(ratings.liveHistoryOf(visitor).isEmpty()).isTrue();
    assertThat(ratings.storedHistoryOf(7).ratingOf(2)).isEqualTo(5.0f);
    assertThat(ratings.deleteLiveRating(7, 2)).as("nothing left to take back").isFalse();
    assertThat(ratings.liveRatingCount()).isZero();
  }

  @Test
  void visitors_get_ids_from_one_billion_and_exist_before_their_first_rating() {
    int first = ratings.createVisitor().userId();
    int second = ratings.createVisitor().userId();

    assertThat(first).isGreaterThanOrEqualTo(Visitor.FIRST_ID);
    assertThat(second).isGreaterThan(first);
    assertThat(ratings.userExists(first)).isTrue();
    assertThat(ratings.storedHistoryOf(first).isEmpty()).isTrue();
    ratings.rate(first, 5, 4.5);
    assertThat(ratings.storedHistoryOf(first))
        .isEqualTo(UserHistory.builder(first).rate(5, 4.5).build());
  }

  @Test
  void refuses_what_cannot_be_a_rating_naming_the_field() {
    assertThatThrownBy(() -> ratings.rate(7, 1, 4.25))
        .isInstanceOfSatisfying(
            InvalidRatingException.class, e -> assertThat(e.field()).isEqualTo("rating"))
        .hasMessageContaining("half stars");
    assertThatThrownBy(() -> ratings.rate(7, 1, 0)).isInstanceOf(InvalidRatingException.class);
    assertThatThrownBy(() -> ratings.rate(7, 99, 4))
        .isInstanceOfSatisfying(
            InvalidRatingException.class, e -> assertThat(e.field()).isEqualTo("movieId"));
    assertThatThrownBy(() -> ratings.rate(8, 1, 4))
        .isInstanceOf(UnknownUserException.class)
        .hasMessageContaining("unknown user 8");
    assertThat(ratings.liveRatingCount()).isZero();
  }
}

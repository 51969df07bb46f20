package app.movierec.api;

import static app.movierec.api.MovieApiTest.ids;
import static app.movierec.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.ratings.Visitor;
import app.movierec.recommend.ModelLifecycle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Recommendations, visitors and ratings over real HTTP against the app on the tiny fixture. */
class RecommendationApiTest extends ApiTestBase {

  /** What user 1 rated in the fixture. */
  private static final List<Long> RATED_BY_USER_1 = List.of(1L, 2L, 3L, 4L, 6L);

  @Autowired ModelLifecycle models;

  @Test
  void a_movielens_user_gets_unrated_movies_with_title_genres_tmdb_id_score_and_its_parts() {
    ApiClient.Response response =
        api.get("/api/users/1/recommendations?mode=hybrid&alsWeight=0.5&n=3");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode items = response.json();
    assertThat(items.size()).isBetween(1, 3);
    assertThat(ids(items)).doesNotContainAnyElementsOf(RATED_BY_USER_1);
    JsonNode first = items.get(0);
    assertThat(first.get("title").asString()).isNotBlank();
    assertThat(first.has("year")).isTrue();
    assertThat(first.get("genres").isArray()).isTrue();
    assertThat(first.has("tmdbId")).isTrue();
    assertThat(first.get("score").isNumber()).isTrue();
    assertThat(first.has("alsScore")).isTrue();
    assertThat(first.has("contentScore")).isTrue();
  }

  @Test
  void every_mode_answers_and_mode_is_case_insensitive() {
    for (String mode : List.of("als", "content", "HYBRID")) {
      assertThat(api.get("/api/users/1/recommendations?mode=" + mode).status())
          .as(mode)
          .isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "{0} is rejected for field {1}")
  @CsvSource({
    "mode=fast, mode",
    "n=0, n",
    "n=101, n",
    "n=ten, n",
    "alsWeight=1.5, alsWeight",
    "alsWeight=-0.1, alsWeight",
    "alsWeight=NaN, alsWeight",
    "alsWeight=heavy, alsWeight"
  })
  void a_bad_recommendation_parameter_is_a_400_problem_naming_the_field(
      String parameter, String field) {
    assertProblem(api.get("/api/users/1/recommendations?" + parameter), 400, field);
  }

  @Test
  void an_unknown_user_is_a_404_problem() {
    assertProblem(api.get("/api/users/999/recommendations"), 404, "userId");
    assertProblem(
        api.get("/api/users/" + (Visitor.FIRST_ID + 999_999) + "/recommendations"), 404, "userId");
    assertProblem(
        api.asOperator().post("/api/users/999/ratings", "{\"movieId\":1,\"rating\":4}"),
        404,
        "userId");
  }

  @Test
  void an_anonymous_visitor_gets_recommendations_for_the_ratings_sent_and_nothing_is_stored() {
    ApiClient.Response response =
        api.post(
            "/api/recommendations?n=5",
            "[{\"movieId\":1,\"rating\":5},{\"movieId\":3,\"rating\":4.5}]");

    assertThat(response.status()).isEqualTo(200);
    assertThat(ids(response.json())).isNotEmpty().doesNotContain(1L, 3L);
  }

  @ParameterizedTest(name = "{0} is rejected for field {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[{\"movieId\":1,\"rating\":7}] | [0].rating",
        "[{\"movieId\":1,\"rating\":0}] | [0].rating",
        "[{\"movieId\":1,\"rating\":4.3}] | [0].rating",
        "[{\"movieId\":1,\"rating\":4},{\"movieId\":999,\"rating\":4}] | [1].movieId",
        "[{\"rating\":4}] | [0].movieId",
        "[{\"movieId\":1}] | [0].rating",
        "[{\"movieId\":1,\"rating\": | body",
        "{\"movieId\":1,\"rating\":4} | body",
        "[{\"movieId\":\"one\",\"rating\":4}] | [0].movieId",
        "[{\"movieId\":1,\"rating\":4},{\"movieId\":1,\"rating\":3}] | [1].movieId",
        "[{\"movieId\":1,\"rating\":4,\"note\":\"x\"}] | [0].note"
      })
  void a_bad_anonymous_rating_list_is_a_400_problem_naming_the_field(String body, String field) {
    assertProblem(api.post("/api/recommendations", body), 400, field);
  }

  @Test
  void a_visitor_is_created_with_an_id_above_movielens_ids_and_starts_with_popular_movies() {
    ApiClient.Response created = api.post("/api/users", "");

    assertThat(created.status()).isEqualTo(201);
    long userId = created.json().get("userId").asLong();
    assertThat(userId).isGreaterThanOrEqualTo(Visitor.FIRST_ID);
    assertThat(api.post("/api/users", "").json().get("userId").asLong()).isGreaterThan(userId);
    ApiClient.Response recommendations = api.get("/api/users/" + userId + "/recommendations");
    assertThat(recommendations.status()).isEqualTo(200);
    // nothing rated yet: the most rated movies of the fixture, not nothing and not id order
    assertThat(ids(recommendations.json())).isNotEmpty().startsWith(1L);
  }

  @Test
  void an_empty_rating_list_gets_the_most_rated_movies_rather_than_nothing() {
    ApiClient.Response response = api.post("/api/recommendations?n=3", "[]");

    assertThat(response.status()).isEqualTo(200);
    assertThat(ids(response.json())).hasSize(3).startsWith(1L);
    assertThat(response.json().get(0).get("alsScore").isNull())
        .as("popularity, not a model score")
        .isTrue();
  }

  @Test
  void a_stored_rating_is_returned_and_reflected_in_the_next_recommendations_at_once() {
    ApiClient.Visitor visitor = api.newVisitor();
    long userId = visitor.userId();
    ApiClient owner = api.asVisitor(visitor.token());

    ApiClient.Response stored =
        owner.post("/api/users/" + userId + "/ratings", "{\"movieId\":1,\"rating\":4.5}");

    assertThat(stored.status()).isEqualTo(201);
    assertThat(stored.json().get("userId").asLong()).isEqualTo(userId);
    assertThat(stored.json().get("movieId").asLong()).isEqualTo(1);
    assertThat(stored.json().get("rating").asDouble()).isEqualTo(4.5);
    assertThat(stored.json().get("ratedAt").asLong()).isPositive();
    List<Long> first = ids(api.get("/api/users/" + userId + "/recommendations?n=100").json());
    assertThat(first).isNotEmpty().doesNotContain(1L);

    owner.post(
        "/api/users/" + userId + "/ratings", "{\"movieId\":" + first.getFirst() + ",\"rating\":2}");

    assertThat(ids(api.get("/api/users/" + userId + "/recommendations?n=100").json()))
        .doesNotContain(1L, first.getFirst());
  }

  @Test
  void a_movielens_user_who_rates_in_the_app_no_longer_gets_that_movie() {
    List<Long> before = ids(api.get("/api/users/4/recommendations?n=100").json());
    long next = before.getFirst();

    assertThat(
            api.asOperator()
                .post("/api/users/4/ratings", "{\"movieId\":" + next + ",\"rating\":3}")
                .status())
        .isEqualTo(201);

    List<Long> after = ids(api.get("/api/users/4/recommendations?n=100").json());
    assertThat(after).doesNotContain(next).hasSize(before.size() - 1);
  }

  @Test
  void a_retrain_folds_live_ratings_into_the_model() throws Exception {
    ApiClient.Visitor visitor = api.newVisitor();
    int userId = visitor.userId();
    api.asVisitor(visitor.token())
        .post("/api/users/" + userId + "/ratings", "{\"movieId\":2,\"rating\":5}");
    api.asVisitor(visitor.token())
        .post("/api/users/" + userId + "/ratings", "{\"movieId\":6,\"rating\":4}");
    assertThat(models.require().trainedHistory(userId)).isEmpty();

    models.retrain().get(90, TimeUnit.SECONDS);

    assertThat(models.require().trainedHistory(userId)).isPresent();
    assertThat(ids(api.get("/api/users/" + userId + "/recommendations?n=100").json()))
        .isNotEmpty()
        .doesNotContain(2L, 6L);
  }

  @ParameterizedTest(name = "{0} is rejected for field {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"movieId\":1,\"rating\":5.5} | rating",
        "{\"movieId\":1,\"rating\":0.25} | rating",
        "{\"movieId\":999,\"rating\":4} | movieId",
        "{\"rating\":4} | movieId",
        "{\"movieId\":1} | rating",
        "{\"movieId\":1, | body",
        "[] | body"
      })
  void a_bad_rating_is_a_400_problem_naming_the_field(String body, String field) {
    assertProblem(api.asOperator().post("/api/users/1/ratings", body), 400, field);
  }
}

package app.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/movies} over real HTTP against the app on the tiny fixture. */
class MovieApiTest extends ApiTestBase {

  @Test
  void search_finds_a_title_by_words_in_any_order_with_year_and_without_accents() {
    ApiClient.Response response = api.get("/api/movies?query=2001%20AMELIE");

    assertThat(response.status()).isEqualTo(200);
    JsonNode first = response.json().get(0);
    assertThat(first.get("movieId").asLong()).isEqualTo(3);
    assertThat(first.get("title").asString()).startsWith("Amélie");
    assertThat(first.get("year").asInt()).isEqualTo(2001);
    assertThat(first.get("genres").toString()).contains("Comedy", "Romance");
    assertThat(first.get("tmdbId").asInt()).isEqualTo(194);
    assertThat(first.get("imdbId").asString()).isEqualTo("tt0211915");
  }

  @Test
  void titles_read_as_people_write_them_and_keep_the_movielens_spelling_beside() {
    JsonNode president = api.get("/api/movies/2").json();
    assertThat(president.get("title").asString()).isEqualTo("The American President");
    assertThat(president.get("movieLensTitle").asString()).isEqualTo("American President, The");
    assertThat(president.get("alsoKnownAs").size()).isZero();

    JsonNode amelie = api.get("/api/movies/3").json();
    assertThat(amelie.get("title").asString()).isEqualTo("Amélie");
    assertThat(amelie.get("alsoKnownAs").get(0).asString())
        .isEqualTo("Fabuleux destin d'Amélie Poulain");
  }

  @Test
  void a_movie_says_which_content_the_model_compares_for_it() {
    assertThat(api.get("/api/movies/1").json().get("contentKind").asString())
        .as("in the fixture's genome")
        .isEqualTo("genome");
    assertThat(api.get("/api/movies/5").json().get("contentKind").asString())
        .as("not in the genome")
        .isEqualTo("genres-and-tags");
    assertThat(api.get("/api/movies/1").json().get("similarByAls").get(0).has("contentKind"))
        .isTrue();
  }

  @Test
  void search_respects_the_limit() {
    assertThat(api.get("/api/movies?query=the").json().size())
        .as("several titles match")
        .isGreaterThan(1);
    assertThat(api.get("/api/movies?query=the&limit=1").json().size()).isEqualTo(1);
  }

  @Test
  void search_without_a_query_is_a_bad_request_naming_the_field() {
    ProblemAssert.assertProblem(api.get("/api/movies"), 400, "query");
    ProblemAssert.assertProblem(api.get("/api/movies?query=%20"), 400, "query");
    ProblemAssert.assertProblem(api.get("/api/movies?query=toy&limit=0"), 400, "limit");
    ProblemAssert.assertProblem(api.get("/api/movies?query=toy&limit=many"), 400, "limit");
  }

  @Test
  void a_movie_comes_with_genres_year_links_and_similar_movies_by_content_and_by_als() {
    ApiClient.Response response = api.get("/api/movies/1");

    assertThat(response.status()).isEqualTo(200);
    JsonNode movie = response.json();
    assertThat(movie.get("title").asString()).isEqualTo("Toy Story");
    assertThat(movie.get("year").asInt()).isEqualTo(1995);
    assertThat(movie.get("tmdbId").asInt()).isEqualTo(862);
    assertThat(movie.get("imdbId").asString()).isEqualTo("tt0114709");
    assertThat(ids(movie.get("similarByContent"))).isNotEmpty().doesNotContain(1L);
    assertThat(ids(movie.get("similarByAls"))).isNotEmpty().doesNotContain(1L);
    assertThat(movie.get("similarByContent").get(0).get("title").asString()).isNotBlank();
  }

  @Test
  void an_unknown_movie_is_a_404_problem() {
    ProblemAssert.assertProblem(api.get("/api/movies/999999"), 404, "movieId");
  }

  @Test
  void a_non_numeric_movie_id_is_a_bad_request() {
    ProblemAssert.assertProblem(api.get("/api/movies/toy"), 400, "movieId");
  }

  @Test
  void an_unknown_api_path_is_a_404_problem_not_a_vaadin_page() {
    ApiClient.Response response = api.get("/api/nothing/here");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void the_openapi_description_lists_every_endpoint() {
    ApiClient.Response response = api.get("/v3/api-docs");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("info").get("title").asString())
        .isEqualTo("Movie recommender API");
    JsonNode paths = response.json().get("paths");
    assertThat(paths.has("/api/movies")).isTrue();
    assertThat(paths.has("/api/movies/{movieId}")).isTrue();
    assertThat(paths.has("/api/users/{userId}/recommendations")).isTrue();
    assertThat(paths.has("/api/recommendations")).isTrue();
    assertThat(paths.has("/api/users")).isTrue();
    assertThat(paths.has("/api/users/{userId}/ratings")).isTrue();
    assertThat(paths.has("/api/**")).as("the fallback is not part of the API").isFalse();
  }

  static List<Long> ids(JsonNode array) {
    List<Long> ids = new ArrayList<>();
    array.forEach(item -> ids.add(item.get("movieId").asLong()));
    return ids;
  }
}

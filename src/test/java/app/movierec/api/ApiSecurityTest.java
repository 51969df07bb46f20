package app.movierec.api;

import static app.movierec.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.recommend.ModelLifecycle;
import app.movierec.security.SecurityHeaders;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The API's side of issue 12 over real HTTP: visitors own their ratings through a bearer token,
 * MovieLens users are read-only except to the operator, the operator's actions need their
 * credentials, and abusive requests (wrong methods, unknown paths, undecodable query strings,
 * oversized bodies, lists and fields) get 4xx problems with the security headers, never a 500.
 */
class ApiSecurityTest extends ApiTestBase {

  private static final String RATING = "{\"movieId\":5,\"rating\":4.5}";

  @Autowired ModelLifecycle models;

  private String ratings(int userId) {
    return "/api/users/" + userId + "/ratings";
  }

  @Test
  void creating_a_visitor_returns_a_secret_bearer_token_that_is_never_cached() {
    ApiClient.Response created = api.post("/api/users", "");

    assertThat(created.status()).isEqualTo(201);
    String token = created.json().get("token").asString();
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(created.header("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    assertThat(api.newVisitor().token()).isNotEqualTo(token);
  }

  @Test
  void only_the_token_of_a_visitor_writes_their_ratings() {
    ApiClient.Visitor owner = api.newVisitor();
    ApiClient.Visitor other = api.newVisitor();
    String path = ratings(owner.userId());

    ApiClient.Response anonymous = api.post(path, RATING);
    assertProblem(anonymous, 401, null);
    assertThat(anonymous.header("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

    assertProblem(api.asVisitor(other.token()).post(path, RATING), 403, "userId");

    ApiClient.Response unknownToken = api.asVisitor("A".repeat(43)).post(path, RATING);
    assertProblem(unknownToken, 401, null);
    assertThat(unknownToken.header("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
    assertThat(api.asVisitor(owner.token()).get(path).json().size())
        .as("none of the refused writes was stored")
        .isZero();

    ApiClient.Response stored = api.asVisitor(owner.token()).post(path, RATING);
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    assertThat(stored.json().get("userId").asInt()).isEqualTo(owner.userId());
  }

  @Test
  void a_visitors_ratings_are_read_and_taken_back_with_their_token_only() {
    ApiClient.Visitor owner = api.newVisitor();
    ApiClient.Visitor other = api.newVisitor();
    String path = ratings(owner.userId());
    api.asVisitor(owner.token()).post(path, RATING);

    assertProblem(api.get(path), 401, null);
    assertProblem(api.asVisitor(other.token()).get(path), 403, "userId");
    assertProblem(api.asVisitor(other.token()).delete(path + "/5"), 403, "userId");
    assertProblem(api.delete(path + "/5"), 401, null);
    JsonNode mine = api.asVisitor(owner.token()).get(path).json();
    assertThat(mine.size()).isEqualTo(1);
    assertThat(mine.get(0).get("movieId").asInt()).isEqualTo(5);
    assertThat(mine.get(0).get("rating").asDouble()).isEqualTo(4.5);

    assertThat(api.asVisitor(owner.token()).delete(path + "/5").status()).isEqualTo(204);
    assertProblem(api.asVisitor(owner.token()).delete(path + "/5"), 404, "movieId");
    assertThat(api.asVisitor(owner.token()).get(path).json().size()).isZero();
  }

  @Test
  void movielens_users_are_read_only_except_to_the_operator() {
    ApiClient.Visitor visitor = api.newVisitor();
    String user1 = ratings(1);
    int before = api.get(user1).json().size();

    assertProblem(api.post(user1, RATING), 401, null);
    assertProblem(api.asVisitor(visitor.token()).post(user1, RATING), 403, "userId");
    assertProblem(
        api.withBasic(ApiClient.OPERATOR, "wrong password").post(user1, RATING), 401, null);
    assertThat(api.get(user1).json().size()).as("MovieLens ratings are public").isEqualTo(before);

    ApiClient.Response byOperator = api.asOperator().post(user1, RATING);
    assertThat(byOperator.status()).as(byOperator.body()).isEqualTo(201);
    assertThat(api.asOperator().delete(user1 + "/5").status())
        .isEqualTo(204); // leave user 1 as found
    assertThat(api.get(user1).json().size()).isEqualTo(before);
  }

  @Test
  void a_retrain_over_the_api_needs_the_operators_credentials() throws Exception {
    ApiClient.Response anonymous = api.post("/api/admin/retrain", "");
    assertProblem(anonymous, 401, null);
    assertThat(anonymous.header("WWW-Authenticate")).contains("Basic realm=\"movierec\"");
    assertProblem(
        api.withBasic(ApiClient.OPERATOR, "guess").post("/api/admin/retrain", ""), 401, null);
    assertProblem(
        api.asVisitor(api.newVisitor().token()).post("/api/admin/retrain", ""), 403, null);
    assertThat(models.busy()).as("none of them started a retrain").isFalse();

    ApiClient.Response accepted = api.asOperator().post("/api/admin/retrain", "");

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.json().get("retraining").asBoolean()).isTrue();
    var running = models.runningRetrain();
    if (running.isPresent()) {
      running.get().get(90, TimeUnit.SECONDS); // the next test finds the app idle
    }
  }

  @ParameterizedTest(name = "{0} {1} answers 405 with Allow: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PUT    | /api/users                 | OPTIONS,POST",
        "GET    | /api/users                 | OPTIONS,POST",
        "DELETE | /api/movies/1              | GET,HEAD,OPTIONS",
        "POST   | /api/movies                | GET,HEAD,OPTIONS",
        "PUT    | /api/users/1/ratings       | GET,HEAD,OPTIONS,POST",
        "GET    | /api/users/1/ratings/5     | DELETE,OPTIONS",
        "GET    | /api/recommendations       | OPTIONS,POST"
      })
  void a_wrong_method_is_a_405_problem_with_allow(String method, String path, String allow) {
    ApiClient.Response response = api.send(method, path, method.equals("GET") ? null : "{}");

    assertProblem(response, 405, null);
    assertThat(allowed(response)).containsExactlyInAnyOrder(allow.split(","));
  }

  @Test
  void options_answers_the_allowed_methods() {
    ApiClient.Response response = api.send("OPTIONS", "/api/users", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(allowed(response)).containsExactlyInAnyOrder("OPTIONS", "POST");
  }

  private static List<String> allowed(ApiClient.Response response) {
    return Arrays.stream(response.header("Allow").orElse("").split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /api/nothing-here",
    "POST, /api/nothing-here",
    "GET, /api/users/1/nothing-here",
    "DELETE, /api/movies/1/similar"
  })
  void an_unknown_api_path_is_a_404_problem_whatever_the_method(String method, String path) {
    assertProblem(api.send(method, path, null), 404, null);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/movies?query=%zz",
        "/api/movies?query=matrix&limit=%",
        "/api/users/1/recommendations?n=%2",
        "/api/movies?query=%C3%28" // not UTF-8
      })
  void an_undecodable_query_string_is_a_400_problem(String pathAndQuery) {
    assertProblem(api.rawGet(pathAndQuery), 400, "query");
  }

  @Test
  void a_search_longer_than_any_title_is_a_400_problem() {
    assertProblem(
        api.get("/api/movies?query=" + "a".repeat(MovieController.MAX_QUERY + 1)), 400, "query");
    assertThat(api.get("/api/movies?query=" + "a".repeat(MovieController.MAX_QUERY)).status())
        .isEqualTo(200);
  }

  @Test
  void a_body_longer_than_the_limit_is_refused_from_its_length_before_it_is_read() {
    ApiClient.Visitor visitor = api.newVisitor();
    // 32 KB of a valid rating padded with spaces: over the 4 KB of a rating, so never parsed
    String padded = "{\"movieId\":5,\"rating\":4.5" + " ".repeat(32 * 1024) + "}";

    ApiClient.Response response =
        api.asVisitor(visitor.token()).post(ratings(visitor.userId()), padded);

    assertProblem(response, 413, "body");
    assertThat(response.header("Content-Security-Policy")).contains(SecurityHeaders.STRICT_POLICY);
    assertThat(api.asVisitor(visitor.token()).get(ratings(visitor.userId())).json().size())
        .as("nothing stored")
        .isZero();
  }

  @Test
  void a_body_without_a_length_is_cut_off_at_the_limit() {
    // chunked (no Content-Length): the server stops reading after 64 KB of the 96 KB
    String list =
        "["
            + IntStream.range(0, 4000)
                .mapToObj(i -> "{\"movieId\":1,\"rating\":4}")
                .collect(Collectors.joining(","))
            + "]";
    byte[] bytes = list.getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isGreaterThan(64 * 1024).isLessThan(128 * 1024);

    ApiClient.Response response =
        api.send(
            HttpRequest.newBuilder(URI.create(api.url("/api/recommendations")))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(bytes))));

    assertProblem(response, 413, "body");
  }

  @Test
  void a_rating_list_longer_than_the_limit_is_a_400_problem() {
    String list =
        "["
            + IntStream.rangeClosed(1, RecommendationController.MAX_RATINGS + 1)
                .mapToObj(i -> "{\"movieId\":" + i + ",\"rating\":4}")
                .collect(Collectors.joining(","))
            + "]";

    JsonNode problem = assertProblem(api.post("/api/recommendations", list), 400, "body");
    assertThat(problem.get("detail").asString()).contains("at most 1000");
  }

  @Test
  void a_rating_with_a_field_it_does_not_have_is_refused_not_stored() {
    ApiClient.Visitor visitor = api.newVisitor();

    assertProblem(
        api.asVisitor(visitor.token())
            .post(
                ratings(visitor.userId()),
                "{\"movieId\":5,\"rating\":4,\"note\":\"" + "x".repeat(3000) + "\"}"),
        400,
        "note");
    assertThat(api.asVisitor(visitor.token()).get(ratings(visitor.userId())).json().size())
        .isZero();
  }

  @Test
  void api_answers_carry_the_strict_security_headers_errors_included() {
    for (ApiClient.Response response :
        List.of(
            api.get("/api/movies/1"),
            api.get("/api/nothing-here"),
            api.post(ratings(1), RATING),
            api.rawGet("/api/movies?query=%zz"))) {
      assertThat(response.header("Content-Security-Policy"))
          .as(response.status() + " " + response.body())
          .contains(SecurityHeaders.STRICT_POLICY);
      assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
      assertThat(response.header("X-Frame-Options")).contains("DENY");
      assertThat(response.header("Referrer-Policy")).contains("no-referrer");
    }
  }
}

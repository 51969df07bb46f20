package app.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/**
 * Checks an RFC 7807 problem response: status, content type, fields, and nothing internal leaked.
 */
final class ProblemAssert {

  private ProblemAssert() {}

  static JsonNode assertProblem(ApiClient.Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
    if (field != null) {
      assertThat(problem.get("field").asString()).isEqualTo(field);
    }
    assertThat(problem.has("trace")).isFalse();
    assertThat(response.body())
        .doesNotContain("Exception", "at app.movierec", "at org.springframework");
    return problem;
  }
}

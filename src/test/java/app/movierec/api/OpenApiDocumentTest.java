package app.movierec.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description at {@code /v3/api-docs} as API tools read it: it passes the
 * swagger-parser validator, declares 201 for creation, and declares the problem answers (400, 404,
 * 503) each operation can give, with the problem schema.
 */
class OpenApiDocumentTest extends ApiTestBase {

  private OpenAPI validDocument() {
    String json = api.get("/v3/api-docs").body();
    var options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
    assertThat(result.getMessages()).as("validation messages").isEmpty();
    return result.getOpenAPI();
  }

  @Test
  void passes_the_validator_with_a_licence_that_has_a_url() {
    OpenAPI document = validDocument();

    assertThat(document.getInfo().getLicense().getUrl()).startsWith("https://");
  }

  @Test
  void creation_answers_201_and_every_operation_declares_its_problems() {
    OpenAPI document = validDocument();

    Operation createVisitor = document.getPaths().get("/api/users").getPost();
    Operation rate = document.getPaths().get("/api/users/{userId}/ratings").getPost();
    assertThat(createVisitor.getResponses()).containsKey("201").doesNotContainKey("200");
    assertThat(rate.getResponses()).containsKeys("201", "400", "404").doesNotContainKey("200");

    Operation forUser = document.getPaths().get("/api/users/{userId}/recommendations").getGet();
    assertThat(forUser.getResponses()).containsKeys("200", "400", "404", "503");
    ApiResponse unavailable = forUser.getResponses().get("503");
    assertThat(unavailable.getHeaders()).containsKey("Retry-After");
    assertThat(unavailable.getContent().get("application/problem+json").getSchema().get$ref())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(document.getPaths().get("/api/movies/{movieId}").getGet().getResponses())
        .containsKeys("200", "400", "404");
    assertThat(document.getComponents().getSchemas().get("Problem").getProperties())
        .containsKeys("type", "title", "status", "detail", "field");
  }

  @Test
  void the_mode_parameter_lists_the_values_the_api_accepts() {
    OpenAPI document = validDocument();

    var mode =
        document
            .getPaths()
            .get("/api/users/{userId}/recommendations")
            .getGet()
            .getParameters()
            .stream()
            .filter(parameter -> parameter.getName().equals("mode"))
            .findFirst()
            .orElseThrow();
    assertThat(mode.getSchema().getEnum()).containsExactly("hybrid", "als", "content");
  }
}

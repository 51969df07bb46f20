package app.movierec.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: its title, summary and licence, and the error
 * answers of every operation, which springdoc cannot infer from {@link ApiErrors}: 400 for bad
 * input (operations with parameters or a body), 404 for an unknown user or movie (operations with a
 * path variable), 503 with {@code Retry-After} while the first model trains (recommendations), all
 * as RFC 7807 problem JSON with the schema {@code Problem}.
 */
@Configuration
class OpenApiDescription {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  @Bean
  OpenAPI movieRecommenderApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Movie recommender API")
                .version("1")
                .description(
                    "Movie search, recommendations for MovieLens users, visitors and anonymous rating lists,"
                        + " visitors and their live ratings. Errors are RFC 7807 problem JSON.")
                .license(
                    new License()
                        .name("MovieLens data: GroupLens terms of use")
                        .url(
                            "https://files.grouplens.org/datasets/movielens/ml-latest-small-README.html")));
  }

  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      openApi.getComponents().addSchemas("Problem", problemSchema());
      openApi
          .getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach((method, operation) -> addProblems(path, method, operation)));
    };
  }

  private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses = operation.getResponses();
    boolean hasInput =
        (operation.getParameters() != null && !operation.getParameters().isEmpty())
            || operation.getRequestBody() != null;
    if (hasInput) {
      responses.addApiResponse(
          "400", problem("Invalid input: the problem's field names the parameter or body part"));
    }
    if (path.contains("{")) {
      responses.addApiResponse("404", problem("No such user or movie"));
    }
    if (path.endsWith("/recommendations")) {
      responses.addApiResponse(
          "503",
          problem("The first model is still training: try again after Retry-After seconds")
              .addHeaderObject(
                  "Retry-After",
                  new Header()
                      .description("Seconds to wait before asking again")
                      .schema(new IntegerSchema())));
    }
    responses.addApiResponse("500", problem("An unexpected error; the problem has no details"));
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
  }

  private static Schema<?> problemSchema() {
    var problem = new ObjectSchema();
    problem.setDescription("RFC 7807 problem details");
    problem.addProperty("type", new StringSchema().format("uri").example("about:blank"));
    problem.addProperty("title", new StringSchema().example("Invalid request"));
    problem.addProperty("status", new IntegerSchema().example(400));
    problem.addProperty(
        "detail", new StringSchema().example("alsWeight must be at most 1, got '1.5'"));
    problem.addProperty("instance", new StringSchema().format("uri-reference"));
    problem.addProperty(
        "field",
        new StringSchema()
            .description("The offending parameter or body part, for bad input")
            .example("alsWeight"));
    return problem;
  }
}

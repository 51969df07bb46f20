package app.movierec.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and summary at the top of the OpenAPI description ({@code /v3/api-docs}). */
@Configuration
class OpenApiDescription {

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
                .license(new License().name("MovieLens data: GroupLens terms of use")));
  }
}

package app.movierec.api;

import app.movierec.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RecommendationApiTest}: the API with the whole app on PostgreSQL. */
class PostgresRecommendationApiTest extends RecommendationApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry);
  }
}

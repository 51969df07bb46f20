package app.movierec.ratings;

import app.movierec.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RatingServiceTest} (the repositories' queries) on PostgreSQL. */
class PostgresRatingServiceTest extends RatingServiceTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry);
  }
}

package app.movierec.catalog.imports;

import app.movierec.TestDatabases;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link MovieLensImporterTest} with the whole app on PostgreSQL (the postgres profile). */
@ActiveProfiles("postgres")
class PostgresImporterTest extends MovieLensImporterTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestDatabases.register(registry);
  }
}

package app.movierec.catalog.imports;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Before Flyway migrates and Hibernate validates the schema: finishes the table swap of an import
 * that a crash interrupted, or drops the staging tables of one interrupted while loading (see
 * {@link StagingTables}). Either takes a moment: no row is copied.
 */
@Configuration(proxyBeanMethods = false)
class ImportRecovery {

  @Bean
  FlywayMigrationStrategy recoverInterruptedImportThenMigrate() {
    return flyway -> {
      DataSource dataSource = flyway.getConfiguration().getDataSource();
      try (Connection connection = dataSource.getConnection()) {
        StagingTables.recover(connection);
      } catch (SQLException e) {
        throw new ImportException(
            "Cannot check the database for an interrupted import: " + e.getMessage(), e);
      }
      flyway.migrate();
    };
  }
}

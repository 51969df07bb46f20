package app.movierec.catalog;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An in-memory H2 database with the app's real schema (its Flyway migrations), for tests of the
 * catalogue's plain-SQL reads: a renamed column fails them as it would fail the app.
 */
final class CatalogDatabase {

  private CatalogDatabase() {}

  /** A new, empty database named {@code name} (unique per test). */
  static JdbcTemplate create(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/h2")
        .load()
        .migrate();
    return new JdbcTemplate(dataSource);
  }

  static void movie(JdbcTemplate jdbc, int movieId, Integer year, String genres, String title) {
    jdbc.update(
        "insert into movie (movie_id, release_year, genres, title) values (?, ?, ?, ?)",
        movieId,
        year,
        genres,
        title);
  }
}

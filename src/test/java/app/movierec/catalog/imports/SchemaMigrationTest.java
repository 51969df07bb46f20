package app.movierec.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.Application;
import app.movierec.ratings.RatingService;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schema belongs to Flyway (db/migration/&lt;vendor&gt;) and Hibernate only validates it; a
 * database that the old {@code ddl-auto=update} created is taken over, not rebuilt.
 */
class SchemaMigrationTest {

  private final Path dir = Path.of("target", "schema-migration", UUID.randomUUID().toString());

  @Test
  void a_database_created_by_ddl_auto_is_baselined_and_migrated_keeping_its_live_ratings() {
    String url = "jdbc:h2:file:./" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
    try (ConfigurableApplicationContext old =
        start(url, "--spring.flyway.enabled=false", "--spring.jpa.hibernate.ddl-auto=update")) {
      assertThat(old.getBean(RatingService.class).ratingCount()).isEqualTo(17);
      // ddl-auto makes the table from today's entity (one BIGINT key); V2 and V12 re-key it
      assertThat(primaryKey(old.getBean(JdbcTemplate.class), "RATING")).isEqualTo("RATING_KEY");
      old.getBean(RatingService.class).rate(1, 3, 4.5);
    }

    try (ConfigurableApplicationContext migrated = start(url)) {
      JdbcTemplate jdbc = migrated.getBean(JdbcTemplate.class);
      assertThat(
              jdbc.queryForList(
                  "select \"version\" || ':' || \"type\" from \"flyway_schema_history\""
                      + " where \"version\" is not null order by \"installed_rank\"",
                  String.class))
          .startsWith("1:BASELINE", "2:SQL");
      // V12 rebuilds the rating table empty and forgets the dataset: the start imported the files
      // again (no 25M-row H2 transaction in a migration); the live ratings were not touched
      assertThat(migrated.getBean(RatingService.class).ratingCount()).isEqualTo(17);
      assertThat(migrated.getBean(DatasetStatusService.class).current()).isPresent();
      assertThat(migrated.getBean(RatingService.class).liveRatingCount()).isEqualTo(1);
      assertThat(primaryKey(jdbc, "RATING")).isEqualTo("RATING_KEY");
      assertThat(primaryKey(jdbc, "LIVE_RATING")).isEqualTo("USER_ID,MOVIE_ID");
    }
  }

  @Test
  void a_new_database_gets_every_migration_and_the_entities_match_it() {
    String url = "jdbc:h2:file:./" + dir.resolve("fresh") + ";DB_CLOSE_ON_EXIT=FALSE";
    try (ConfigurableApplicationContext fresh = start(url)) {
      JdbcTemplate jdbc = fresh.getBean(JdbcTemplate.class);
      assertThat(
              jdbc.queryForList(
                  "select \"type\" from \"flyway_schema_history\" where \"version\" is not null",
                  String.class))
          .isNotEmpty()
          .allMatch("SQL"::equals);
      assertThat(fresh.getBean(RatingService.class).ratingCount()).isEqualTo(17);
      assertThat(primaryKey(jdbc, "RATING")).isEqualTo("RATING_KEY");
    }
  }

  static String primaryKey(JdbcTemplate jdbc, String table) {
    return String.join(
        ",",
        jdbc.queryForList(
            "select k.column_name from information_schema.table_constraints c"
                + " join information_schema.key_column_usage k"
                + " on k.constraint_name = c.constraint_name and k.table_name = c.table_name"
                + " where c.constraint_type = 'PRIMARY KEY' and upper(c.table_name) = ?"
                + " order by k.ordinal_position",
            String.class,
            table));
  }

  private ConfigurableApplicationContext start(String url, String... more) {
    String[] args = new String[more.length + 3];
    args[0] = "--server.port=0";
    args[1] = "--spring.datasource.url=" + url;
    args[2] = "--movierec.model-dir=" + dir.resolve("models");
    System.arraycopy(more, 0, args, 3, more.length);
    // arguments, as they must win over the test configuration's in-memory database
    return new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.SERVLET)
        .run(args);
  }
}

package app.movierec.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.TestDatabases;
import app.movierec.common.ProgressListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staged import on both databases, on the Flyway schema, without the application around it:
 * load, keys, swap; a late failure, a shrinking import, and a crash in the middle of the swap or of
 * the load.
 */
class StagedImportTest {

  @TempDir Path dir;

  private Path sub(String name) {
    try {
      return java.nio.file.Files.createDirectories(dir.resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static DataSource database(String vendor) {
    DataSource dataSource;
    if (vendor.equals("postgresql")) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setUrl(TestDatabases.newPostgresUrl());
      postgres.setUser("postgres");
      dataSource = postgres;
    } else {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:staged-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      h2.setUser("sa");
      dataSource = h2;
    }
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/" + vendor)
        .load()
        .migrate();
    return dataSource;
  }

  private static ImportSummary importInto(
      DataSource dataSource, MovieLensFiles files, String fingerprint, boolean allowShrink) {
    return new MovieLensImporter(dataSource)
        .importDataset(
            "test", files, fingerprint, 0, OnError.FAIL, allowShrink, ProgressListener.NONE);
  }

  private static long count(DataSource dataSource, String table) {
    return new JdbcTemplate(dataSource).queryForObject("select count(*) from " + table, Long.class);
  }

  private static String fingerprint(DataSource dataSource) {
    return new JdbcTemplate(dataSource)
        .queryForObject("select fingerprint from dataset_import where id = 1", String.class);
  }

  private static boolean anyStagingTable(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      for (String table : StagingTables.TABLES) {
        if (StagingTables.tableExists(connection, StagingTables.staging(table))) {
          return true;
        }
      }
    }
    return false;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void imports_into_fresh_tables_with_their_keys_and_leaves_no_staging_table(String vendor)
      throws SQLException {
    DataSource dataSource = database(vendor);

    ImportSummary summary = importInto(dataSource, TinyDataset.copyTo(dir).files(), "a", false);

    assertThat(summary.ratings()).isEqualTo(17);
    assertThat(count(dataSource, "rating")).isEqualTo(17);
    assertThat(count(dataSource, "movie")).isEqualTo(10);
    assertThat(count(dataSource, "movie_link")).isEqualTo(10);
    assertThat(count(dataSource, "user_tag")).isEqualTo(4);
    assertThat(count(dataSource, "genome_vector")).isEqualTo(4);
    assertThat(fingerprint(dataSource)).isEqualTo("a");
    assertThat(anyStagingTable(dataSource)).isFalse();
    try (Connection connection = dataSource.getConnection()) {
      StagingTables tables = new StagingTables(connection);
      assertThat(tables.primaryKey("rating")).containsExactly("rating_key");
      assertThat(tables.primaryKey("movie")).containsExactly("movie_id");
    }
    if (vendor.equals("postgresql")) { // the index of the Spark job's user_id ranges, rebuilt
      assertThat(
              new JdbcTemplate(dataSource)
                  .queryForList(
                      "select indexname from pg_indexes where tablename = 'rating'", String.class))
          .containsExactlyInAnyOrder("rating_pkey", "rating_user_id");
    }
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject("select title from movie where movie_id = 2", String.class))
        .isEqualTo("American President, The");

    ImportSummary again = importInto(dataSource, TinyDataset.copyTo(sub("b")).files(), "b", false);
    assertThat(again.ratings()).isEqualTo(17);
    assertThat(fingerprint(dataSource)).isEqualTo("b");
    assertThat(count(dataSource, "rating")).isEqualTo(17);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void on_h2_a_single_integer_key_is_there_before_the_load_elsewhere_keys_come_after(String vendor)
      throws SQLException {
    DataSource dataSource = database(vendor);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      StagingTables tables = new StagingTables(connection);
      tables.create();

      // H2 stores such a table in its key's order: no index to build after loading
      assertThat(hasPrimaryKey(connection, "rating_import")).isEqualTo(vendor.equals("h2"));
      assertThat(hasPrimaryKey(connection, "movie_import")).isEqualTo(vendor.equals("h2"));

      tables.addKeys("rating");
      assertThat(hasPrimaryKey(connection, "rating_import")).isTrue();
      tables.dropAll();
    }
  }

  private static boolean hasPrimaryKey(Connection connection, String table) throws SQLException {
    try (var query =
        connection.prepareStatement(
            "select count(*) from information_schema.table_constraints where lower(table_name) = ?"
                + " and constraint_type = 'PRIMARY KEY' and table_schema = current_schema")) {
      query.setString(1, table);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void a_failure_late_in_ratings_keeps_the_previous_dataset(String vendor) throws SQLException {
    DataSource dataSource = database(vendor);
    importInto(dataSource, TinyDataset.copyTo(dir).files(), "good", false);
    TinyDataset broken =
        TinyDataset.copyTo(sub("broken"))
            .append("ratings.csv", "4,5,4.0,964982703")
            .append("ratings.csv", "4,6,4.25,964982703");

    assertThatThrownBy(() -> importInto(dataSource, broken.files(), "broken", false))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith("ratings.csv line 20: rating must be 0.5 to 5.0 in half stars");

    assertThat(fingerprint(dataSource)).isEqualTo("good");
    assertThat(count(dataSource, "rating")).isEqualTo(17);
    assertThat(count(dataSource, "movie")).isEqualTo(10);
    assertThat(anyStagingTable(dataSource)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void refuses_an_import_that_would_drop_most_ratings_unless_allowed(String vendor) {
    DataSource dataSource = database(vendor);
    importInto(dataSource, TinyDataset.copyTo(dir).files(), "full", false);
    TinyDataset few = TinyDataset.copyTo(sub("few"));
    List<String> ratings = few.lines("ratings.csv");
    few.write("ratings.csv", ratings.subList(0, 5)); // header and 4 of the 17 ratings

    assertThatThrownBy(() -> importInto(dataSource, few.files(), "few", false))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("has 4 ratings, the database holds 17")
        .hasMessageContaining("--movierec.import.allow-shrink=true");
    assertThat(count(dataSource, "rating")).isEqualTo(17);

    importInto(dataSource, few.files(), "few", true);
    assertThat(count(dataSource, "rating")).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void a_crash_in_the_middle_of_the_swap_is_finished_at_the_next_start(String vendor)
      throws SQLException {
    DataSource dataSource = database(vendor);
    importInto(dataSource, TinyDataset.copyTo(dir).files(), "old", false);
    TinyDataset next = TinyDataset.copyTo(sub("next")).append("ratings.csv", "4,5,4.0,964982703");

    // what an import does up to its swap, then half of the swap, then a "crash"
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      StagingTables staging = new StagingTables(connection);
      staging.create();
      StagingSink sink = new StagingSink(connection, staging, table -> {});
      ImportSummary summary =
          new MovieLensReader(next.files(), 0, OnError.FAIL, ProgressListener.NONE).read(sink);
      sink.finish();
      new PendingImport("next", "new", "dir", summary).insert(connection, 2);
      connection.commit();
      try (Statement statement = connection.createStatement()) {
        statement.execute("drop table rating");
        statement.execute("alter table rating_import rename to rating");
        statement.execute("drop table movie");
      }
      connection.commit();
    }

    try (Connection connection = dataSource.getConnection()) {
      StagingTables.recover(connection);
    }

    assertThat(fingerprint(dataSource)).isEqualTo("new");
    assertThat(count(dataSource, "rating")).isEqualTo(18);
    assertThat(count(dataSource, "movie")).isEqualTo(10);
    assertThat(count(dataSource, "dataset_import")).isEqualTo(1);
    assertThat(anyStagingTable(dataSource)).isFalse();
    // and the next import works on the recovered tables
    importInto(dataSource, TinyDataset.copyTo(sub("3")).files(), "third", false);
    assertThat(count(dataSource, "rating")).isEqualTo(17);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void the_staging_tables_of_an_import_interrupted_while_loading_are_dropped_at_the_next_start(
      String vendor) throws SQLException {
    DataSource dataSource = database(vendor);
    importInto(dataSource, TinyDataset.copyTo(dir).files(), "kept", false);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      StagingTables staging = new StagingTables(connection);
      staging.create();
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "insert into rating_import (rating_key, user_id, movie_id, stars, rated_at)"
                + " values (4294967297, 1, 1, 4, 1)");
      }
      connection.commit();
    }
    assertThat(anyStagingTable(dataSource)).isTrue();

    try (Connection connection = dataSource.getConnection()) {
      StagingTables.recover(connection);
    }

    assertThat(anyStagingTable(dataSource)).isFalse();
    assertThat(fingerprint(dataSource)).isEqualTo("kept");
    assertThat(count(dataSource, "rating")).isEqualTo(17);
  }
}

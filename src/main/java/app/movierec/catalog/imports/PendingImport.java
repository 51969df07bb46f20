package app.movierec.catalog.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The {@code dataset_import} row an import writes when its tables are swapped in. */
record PendingImport(String dataset, String fingerprint, String sourceDir, ImportSummary summary) {

  void insert(Connection connection, int id) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into dataset_import (id, dataset, fingerprint, source_dir, imported_at,"
                + " duration_ms, movies, links, ratings, users, tags, genome_tags, genome_movies,"
                + " skipped_rows) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setInt(1, id);
      insert.setString(2, dataset);
      insert.setString(3, fingerprint);
      insert.setString(4, sourceDir);
      insert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
      insert.setLong(6, summary.elapsed().toMillis());
      insert.setLong(7, summary.movies());
      insert.setLong(8, summary.links());
      insert.setLong(9, summary.ratings());
      insert.setLong(10, summary.users());
      insert.setLong(11, summary.tags());
      insert.setLong(12, summary.genomeTags());
      insert.setLong(13, summary.genomeMovies());
      insert.setLong(14, summary.skipped().count());
      insert.executeUpdate();
    }
  }
}

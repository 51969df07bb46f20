package app.movierec.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Movie rows read with plain JDBC, for the catalogue's bulk reads of the whole {@code movie} table
 * (the listings read ahead, the title index): at ML-25M's size 62k rows, which JPA would also track
 * in a persistence context for nothing.
 */
final class MovieRows {

  /** The columns {@link #movie} reads, in order, of the {@code movie} table aliased {@code m}. */
  static final String COLUMNS = "m.movie_id, m.title, m.release_year, m.genres";

  private MovieRows() {}

  /** The movie of the current row, whose first columns are {@link #COLUMNS}. */
  static Movie movie(ResultSet row) throws SQLException {
    return new Movie(row.getInt(1), row.getString(2), integer(row, 3), row.getString(4));
  }

  /** A nullable integer column. */
  static Integer integer(ResultSet row, int column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }
}

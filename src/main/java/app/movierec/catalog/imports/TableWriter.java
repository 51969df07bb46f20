package app.movierec.catalog.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes the rows of one staging table, field by field (no object per row): on PostgreSQL through
 * {@code COPY ... FROM STDIN} (pgjdbc's CopyManager), on H2 through JDBC batches committed every
 * {@link H2#COMMIT_EVERY} rows. Plain JDBC rather than the entities: the tables are the entities'
 * (the staging tables are made from them), but Hibernate's per-row work is what made 25 million
 * ratings take half an hour.
 */
abstract sealed class TableWriter implements AutoCloseable {

  protected final String table;
  protected long rows;

  private TableWriter(String table) {
    this.table = table;
  }

  static TableWriter open(
      Connection connection, StagingTables.Dialect dialect, String table, List<String> columns)
      throws SQLException {
    return dialect == StagingTables.Dialect.POSTGRESQL
        ? new Copy(connection, table, columns)
        : new H2(connection, table, columns);
  }

  abstract TableWriter integer(int value) throws SQLException;

  abstract TableWriter bigint(long value) throws SQLException;

  abstract TableWriter real(float value) throws SQLException;

  /** An int that may be null. */
  abstract TableWriter integer(Integer value) throws SQLException;

  abstract TableWriter text(String value) throws SQLException;

  abstract TableWriter bytes(byte[] value) throws SQLException;

  /** Ends the row. */
  abstract void end() throws SQLException;

  long rows() {
    return rows;
  }

  /** Sends what is buffered and ends the load of this table. */
  @Override
  public abstract void close() throws SQLException;

  /** H2: a prepared INSERT, batched, committed every {@link #COMMIT_EVERY} rows. */
  static final class H2 extends TableWriter {

    private static final int BATCH = 1000;

    /**
     * Commits as it goes: a staging table is thrown away on failure, and a kill -9 then costs the
     * next start a rollback of at most this many rows, not of the whole load.
     */
    static final int COMMIT_EVERY = 100_000;

    private final Connection connection;
    private final PreparedStatement insert;
    private int parameter;

    H2(Connection connection, String table, List<String> columns) throws SQLException {
      super(table);
      this.connection = connection;
      this.insert =
          connection.prepareStatement(
              "insert into "
                  + table
                  + " ("
                  + String.join(", ", columns)
                  + ") values ("
                  + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
                  + ")");
    }

    @Override
    TableWriter integer(int value) throws SQLException {
      insert.setInt(++parameter, value);
      return this;
    }

    @Override
    TableWriter bigint(long value) throws SQLException {
      insert.setLong(++parameter, value);
      return this;
    }

    @Override
    TableWriter real(float value) throws SQLException {
      insert.setFloat(++parameter, value);
      return this;
    }

    @Override
    TableWriter integer(Integer value) throws SQLException {
      if (value == null) {
        insert.setNull(++parameter, Types.INTEGER);
      } else {
        insert.setInt(++parameter, value);
      }
      return this;
    }

    @Override
    TableWriter text(String value) throws SQLException {
      insert.setString(++parameter, value);
      return this;
    }

    @Override
    TableWriter bytes(byte[] value) throws SQLException {
      insert.setBytes(++parameter, value);
      return this;
    }

    @Override
    void end() throws SQLException {
      insert.addBatch();
      parameter = 0;
      rows++;
      if (rows % BATCH == 0) {
        insert.executeBatch();
        if (rows % COMMIT_EVERY == 0) {
          connection.commit();
        }
      }
    }

    @Override
    public void close() throws SQLException {
      try {
        insert.executeBatch();
        connection.commit();
      } finally {
        insert.close();
      }
    }
  }

  /**
   * PostgreSQL: {@code COPY FROM STDIN} in text format, one COPY (and one transaction) per table: a
   * failure or a kill leaves an empty staging table, which the next start drops.
   */
  static final class Copy extends TableWriter {

    private static final byte[] NULL = {'\\', 'N'};
    private static final HexFormat HEX = HexFormat.of();

    private final Connection connection;
    private final CopyIn copy;
    private final byte[] buffer = new byte[1 << 16];
    private int length;
    private boolean firstField = true;

    Copy(Connection connection, String table, List<String> columns) throws SQLException {
      super(table);
      this.connection = connection;
      this.copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "copy "
                      + table
                      + " ("
                      + String.join(", ", columns)
                      + ") from stdin (format text)");
    }

    private void separator() throws SQLException {
      if (!firstField) {
        put((byte) '\t');
      }
      firstField = false;
    }

    private void put(byte b) throws SQLException {
      if (length == buffer.length) {
        flush();
      }
      buffer[length++] = b;
    }

    private void put(String ascii) throws SQLException {
      for (int i = 0; i < ascii.length(); i++) {
        put((byte) ascii.charAt(i));
      }
    }

    private void flush() throws SQLException {
      if (length > 0) {
        copy.writeToCopy(buffer, 0, length);
        length = 0;
      }
    }

    @Override
    TableWriter integer(int value) throws SQLException {
      separator();
      put(Integer.toString(value));
      return this;
    }

    @Override
    TableWriter bigint(long value) throws SQLException {
      separator();
      put(Long.toString(value));
      return this;
    }

    @Override
    TableWriter real(float value) throws SQLException {
      separator();
      put(Float.toString(value));
      return this;
    }

    @Override
    TableWriter integer(Integer value) throws SQLException {
      if (value == null) {
        separator();
        for (byte b : NULL) {
          put(b);
        }
        return this;
      }
      return integer(value.intValue());
    }

    @Override
    TableWriter text(String value) throws SQLException {
      separator();
      // COPY's text format: backslash escapes for the backslash, tab, newline and carriage return
      for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
        switch (b) {
          case '\\' -> put("\\\\");
          case '\t' -> put("\\t");
          case '\n' -> put("\\n");
          case '\r' -> put("\\r");
          default -> put(b);
        }
      }
      return this;
    }

    @Override
    TableWriter bytes(byte[] value) throws SQLException {
      separator();
      put("\\\\x"); // bytea's hex format, its backslash escaped for COPY
      put(HEX.formatHex(value));
      return this;
    }

    @Override
    void end() throws SQLException {
      put((byte) '\n');
      firstField = true;
      rows++;
    }

    @Override
    public void close() throws SQLException {
      try {
        flush();
        copy.endCopy();
        connection.commit();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    }
  }

  /** For callers that cannot throw SQLException: wraps it with the table's name. */
  static ImportException failure(String table, Exception e) {
    String message = e.getMessage();
    if (e instanceof SQLException sql && sql.getNextException() != null) {
      message += " (" + sql.getNextException().getMessage() + ")";
    }
    return new ImportException("Writing table " + table + " failed: " + message, e);
  }
}

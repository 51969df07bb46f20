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

  /**
   * H2: one INSERT of {@link #ROWS} rows ({@code values (?, ?), (?, ?), ...}) at a time, committed
   * every {@link #COMMIT_EVERY} rows. A multi-row INSERT runs H2's statement machinery once per
   * {@link #ROWS} rows; a JDBC batch of one-row INSERTs runs it once per row, and cost 12-15% more
   * CPU on 3 million ratings. The row's values are kept (as numbers or objects, no boxing) until
   * the statement is full, because the last, shorter statement of a table needs them again.
   */
  static final class H2 extends TableWriter {

    static final int ROWS = 200;

    /**
     * Commits as it goes: a staging table is thrown away on failure, and a kill -9 then costs the
     * next start a rollback of at most this many rows, not of the whole load. Small on purpose: an
     * H2 commit rewrites every row of the transaction once more (uncommitted to committed), and
     * while the transaction is small the pages it rewrites are still in memory. Measured on 3
     * million ratings: 10,000 rows per commit took 25-30% less CPU than 100,000.
     */
    static final int COMMIT_EVERY = 10_000;

    private static final byte INT = 0;
    private static final byte LONG = 1;
    private static final byte FLOAT = 2;
    private static final byte NULL_INT = 3;
    private static final byte OBJECT = 4;

    private final Connection connection;
    private final String sql;
    private final int columns;
    private final PreparedStatement insert;
    private final long[] numbers;
    private final Object[] objects;
    private final byte[] kinds;
    private int values;

    H2(Connection connection, String table, List<String> columns) throws SQLException {
      super(table);
      this.connection = connection;
      this.columns = columns.size();
      this.sql =
          "insert into "
              + table
              + " ("
              + String.join(", ", columns)
              + ") values ("
              + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
              + ")";
      this.insert = connection.prepareStatement(rows(ROWS));
      this.numbers = new long[ROWS * this.columns];
      this.objects = new Object[ROWS * this.columns];
      this.kinds = new byte[ROWS * this.columns];
    }

    /** The INSERT of {@code count} rows. */
    private String rows(int count) {
      String row = sql.substring(sql.lastIndexOf(" values ") + " values ".length());
      return sql + (", " + row).repeat(count - 1);
    }

    private TableWriter put(byte kind, long number, Object object) {
      kinds[values] = kind;
      numbers[values] = number;
      objects[values] = object;
      values++;
      return this;
    }

    @Override
    TableWriter integer(int value) {
      return put(INT, value, null);
    }

    @Override
    TableWriter bigint(long value) {
      return put(LONG, value, null);
    }

    @Override
    TableWriter real(float value) {
      return put(FLOAT, Float.floatToRawIntBits(value), null);
    }

    @Override
    TableWriter integer(Integer value) {
      return value == null ? put(NULL_INT, 0, null) : integer(value.intValue());
    }

    @Override
    TableWriter text(String value) {
      return put(OBJECT, 0, value);
    }

    @Override
    TableWriter bytes(byte[] value) {
      return put(OBJECT, 0, value);
    }

    @Override
    void end() throws SQLException {
      rows++;
      if (values == numbers.length) {
        send(insert);
        if (rows % COMMIT_EVERY == 0) {
          connection.commit();
        }
      }
    }

    /** Runs {@code statement} with the kept values (as many rows as it has). */
    private void send(PreparedStatement statement) throws SQLException {
      for (int k = 0; k < values; k++) {
        switch (kinds[k]) {
          case INT -> statement.setInt(k + 1, (int) numbers[k]);
          case LONG -> statement.setLong(k + 1, numbers[k]);
          case FLOAT -> statement.setFloat(k + 1, Float.intBitsToFloat((int) numbers[k]));
          case NULL_INT -> statement.setNull(k + 1, Types.INTEGER);
          default -> statement.setObject(k + 1, objects[k]);
        }
        objects[k] = null;
      }
      statement.executeUpdate();
      values = 0;
    }

    @Override
    public void close() throws SQLException {
      try {
        if (values > 0) {
          try (PreparedStatement last = connection.prepareStatement(rows(values / columns))) {
            send(last);
          }
        }
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

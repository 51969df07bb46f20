package app.movierec.catalog.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import's staging tables and the swap that puts them in place of the live ones.
 *
 * <p>An import loads into {@code <table>_import} twins of the tables it replaces, made from the
 * live tables (so from the Flyway schema the entities are validated against) without keys, commits
 * as it goes (they are thrown away on failure), adds the primary keys and indexes at the end, and
 * then swaps: drop the live table, rename the twin, for every table, and make the pending {@code
 * dataset_import} row (id 2) the current one (id 1).
 *
 * <p>On PostgreSQL the swap is one transaction (its DDL is transactional). H2 2.x commits the
 * transaction at every DDL statement (ALTER TABLE RENAME and DROP TABLE included), so there the
 * pending row is committed first as a marker: a start that finds it finishes the swap (every twin
 * is complete by then), and a start that finds twins without it drops them (an import that was
 * interrupted while loading). {@link #recover} does that, before Flyway and Hibernate look at the
 * schema.
 */
final class StagingTables {

  private static final Logger log = LoggerFactory.getLogger(StagingTables.class);

  /** The tables an import replaces. live_rating, visitor and tmdb_poster are never touched. */
  static final List<String> TABLES =
      List.of("genome_tag", "movie", "movie_link", "rating", "user_tag", "genome_vector");

  static final String SUFFIX = "_import";

  static final int CURRENT_ID = DatasetImport.SINGLETON_ID;
  static final int PENDING_ID = 2;

  enum Dialect {
    H2,
    POSTGRESQL;

    static Dialect of(Connection connection) throws SQLException {
      String product = connection.getMetaData().getDatabaseProductName();
      if (product.toLowerCase(Locale.ROOT).contains("postgres")) {
        return POSTGRESQL;
      }
      if (product.toLowerCase(Locale.ROOT).contains("h2")) {
        return H2;
      }
      throw new IllegalStateException(
          "The import supports H2 and PostgreSQL, not " + product + "; see the README");
    }
  }

  private final Connection connection;
  private final Dialect dialect;
  private java.util.function.Consumer<Statement> running = statement -> {};

  StagingTables(Connection connection) throws SQLException {
    this.connection = connection;
    this.dialect = Dialect.of(connection);
  }

  Dialect dialect() {
    return dialect;
  }

  /**
   * Told of the statement that builds keys (minutes for 25 million rows), so it can be cancelled.
   */
  StagingTables onLongStatement(java.util.function.Consumer<Statement> running) {
    this.running = running;
    return this;
  }

  static String staging(String table) {
    return table + SUFFIX;
  }

  /** Drops the twins an earlier import left behind (it was interrupted while loading). */
  void dropAll() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.execute("drop table if exists " + staging(table));
      }
    }
    connection.commit();
  }

  /**
   * Creates empty twins: the live tables' columns, types and NOT NULLs, no keys, except on H2 a
   * primary key of one integer column: H2 makes such a key the row key of the table's storage (rows
   * are kept in its order, no second B-tree), so it costs nothing while loading rows that come in
   * key order, as MovieLens' files do, and building it afterwards would copy every row into a
   * separate index (53 s for 25 million ratings keyed by (user_id, movie_id)).
   */
  void create() throws SQLException {
    dropAll();
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.execute(
            "create table " + staging(table) + " as select * from " + table + " with no data");
        for (String column : notNullColumns(table)) {
          statement.execute(
              "alter table " + staging(table) + " alter column " + column + " set not null");
        }
        List<String> key = primaryKey(table);
        if (dialect == Dialect.H2 && key.size() == 1 && isIntegerColumn(table, key.getFirst())) {
          addPrimaryKey(statement, table, key); // while the twin is empty: see above
        }
      }
    }
    connection.commit();
  }

  /** Adds the live table's primary key (unless it has it) and indexes to its twin once loaded. */
  void addKeys(String table) throws SQLException {
    List<String> key = primaryKey(table);
    try (Statement statement = connection.createStatement()) {
      running.accept(statement);
      if (!key.isEmpty()
          && !constraintExists(connection, staging(table), staging(table) + "_pkey")) {
        addPrimaryKey(statement, table, key);
      }
      for (String index : secondaryIndexes(table)) {
        statement.execute(index);
      }
    } finally {
      running.accept(null);
    }
    connection.commit();
  }

  /**
   * Puts the loaded twins in place of the live tables and makes {@code pending} the current
   * dataset.
   */
  void swap(PendingImport pending) throws SQLException {
    pending.insert(connection, PENDING_ID);
    if (dialect == Dialect.H2) {
      connection.commit(); // the marker a restart finishes the swap from
    }
    finishSwap(connection, dialect);
  }

  private static void finishSwap(Connection connection, Dialect dialect) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        // each step is skipped when a crash came after it (on H2 every DDL statement commits)
        if (tableExists(connection, staging(table))) {
          statement.execute("drop table if exists " + table);
          statement.execute("alter table " + staging(table) + " rename to " + table);
        }
        if (constraintExists(connection, table, staging(table) + "_pkey")) {
          statement.execute(
              "alter table "
                  + table
                  + " rename constraint "
                  + staging(table)
                  + "_pkey to "
                  + table
                  + "_pkey");
        }
        for (String index : stagingIndexNames(connection, dialect, table)) {
          statement.execute(
              "alter index "
                  + index
                  + " rename to "
                  + index.substring(0, index.length() - SUFFIX.length()));
        }
      }
      statement.executeUpdate("delete from dataset_import where id = " + CURRENT_ID);
      statement.executeUpdate(
          "update dataset_import set id = " + CURRENT_ID + " where id = " + PENDING_ID);
    }
    connection.commit();
  }

  /**
   * At start-up: finishes a swap a crash interrupted (the pending row is there) or drops the twins
   * of an import interrupted while loading. Quick in both cases: no row is copied.
   */
  static void recover(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      if (!tableExists(connection, "dataset_import")) {
        return; // a new database: Flyway has not created anything yet
      }
      Dialect dialect = Dialect.of(connection);
      boolean pending;
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "select count(*) from dataset_import where id = " + PENDING_ID)) {
        rows.next();
        pending = rows.getLong(1) > 0;
      }
      if (pending) {
        log.warn("An import was interrupted while swapping its tables in; finishing the swap");
        finishSwap(connection, dialect);
        return;
      }
      List<String> leftovers = new ArrayList<>();
      for (String table : TABLES) {
        if (tableExists(connection, staging(table))) {
          leftovers.add(staging(table));
        }
      }
      if (!leftovers.isEmpty()) {
        log.info(
            "Dropping {} left by an interrupted import; the database keeps its dataset", leftovers);
        new StagingTables(connection).dropAll();
      }
    } finally {
      connection.commit();
      connection.setAutoCommit(autoCommit);
    }
  }

  static boolean tableExists(Connection connection, String table) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select count(*) from information_schema.tables"
                + " where lower(table_name) = ? and table_schema = current_schema")) {
      query.setString(1, table.toLowerCase(Locale.ROOT));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    }
  }

  private static boolean constraintExists(Connection connection, String table, String constraint)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select count(*) from information_schema.table_constraints where lower(table_name) = ?"
                + " and lower(constraint_name) = ? and table_schema = current_schema")) {
      query.setString(1, table.toLowerCase(Locale.ROOT));
      query.setString(2, constraint.toLowerCase(Locale.ROOT));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    }
  }

  private List<String> notNullColumns(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select column_name from information_schema.columns where lower(table_name) = ?"
                + " and table_schema = current_schema and is_nullable = 'NO'"
                + " order by ordinal_position")) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return columns;
  }

  private static void addPrimaryKey(Statement statement, String table, List<String> key)
      throws SQLException {
    statement.execute(
        "alter table "
            + staging(table)
            + " add constraint "
            + staging(table)
            + "_pkey primary key ("
            + String.join(", ", key)
            + ")");
  }

  private boolean isIntegerColumn(String table, String column) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select data_type from information_schema.columns where lower(table_name) = ?"
                + " and lower(column_name) = ? and table_schema = current_schema")) {
      query.setString(1, table);
      query.setString(2, column);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next()
            && List.of("INTEGER", "BIGINT").contains(rows.getString(1).toUpperCase(Locale.ROOT));
      }
    }
  }

  /** The live table's primary key columns, in key order. */
  List<String> primaryKey(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select k.column_name from information_schema.table_constraints c"
                + " join information_schema.key_column_usage k"
                + " on k.constraint_name = c.constraint_name and k.table_name = c.table_name"
                + " and k.table_schema = c.table_schema"
                + " where c.constraint_type = 'PRIMARY KEY' and lower(c.table_name) = ?"
                + " and c.table_schema = current_schema order by k.ordinal_position")) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return columns;
  }

  /**
   * CREATE INDEX statements that give the twin the live table's other indexes (none in V1-V9; a
   * later migration may add some), named {@code <index>_import} until the swap.
   */
  private List<String> secondaryIndexes(String table) throws SQLException {
    List<String> statements = new ArrayList<>();
    if (dialect == Dialect.POSTGRESQL) {
      try (PreparedStatement query =
          connection.prepareStatement(
              "select i.indexname, i.indexdef from pg_indexes i where i.tablename = ?"
                  + " and i.schemaname = current_schema and not exists (select 1 from"
                  + " pg_constraint c where c.conname = i.indexname and c.contype = 'p')")) {
        query.setString(1, table);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            String name = rows.getString(1);
            String definition = rows.getString(2);
            statements.add(
                definition
                    .replaceFirst(" INDEX " + name + " ON ", " INDEX " + name + SUFFIX + " ON ")
                    .replaceFirst(" ON ((\\w+)\\.)?" + table + " ", " ON " + staging(table) + " "));
          }
        }
      }
      return statements;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "select i.index_name, i.index_type_name, c.column_name, c.ordering_specification"
                + " from information_schema.indexes i join information_schema.index_columns c"
                + " on c.index_name = i.index_name and c.table_name = i.table_name"
                + " and c.table_schema = i.table_schema"
                + " where lower(i.table_name) = ? and i.table_schema = current_schema"
                + " and i.index_type_name <> 'PRIMARY KEY' and not exists (select 1 from"
                + " information_schema.table_constraints t where t.index_name = i.index_name"
                + " and t.constraint_type = 'PRIMARY KEY')"
                + " order by i.index_name, c.ordinal_position")) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        String current = null;
        StringBuilder statement = null;
        while (rows.next()) {
          String name = rows.getString(1).toLowerCase(Locale.ROOT);
          if (!name.equals(current)) {
            if (statement != null) {
              statements.add(statement.append(")").toString());
            }
            current = name;
            boolean unique = rows.getString(2).toUpperCase(Locale.ROOT).contains("UNIQUE");
            statement =
                new StringBuilder(unique ? "create unique index " : "create index ")
                    .append(name)
                    .append(SUFFIX)
                    .append(" on ")
                    .append(staging(table))
                    .append(" (");
          } else {
            statement.append(", ");
          }
          statement.append(rows.getString(3).toLowerCase(Locale.ROOT));
          if ("DESC".equalsIgnoreCase(rows.getString(4))) {
            statement.append(" desc");
          }
        }
        if (statement != null) {
          statements.add(statement.append(")").toString());
        }
      }
    }
    return statements;
  }

  /** The indexes of a swapped-in table that still have their staging names. */
  private static List<String> stagingIndexNames(
      Connection connection, Dialect dialect, String table) throws SQLException {
    String sql =
        dialect == Dialect.POSTGRESQL
            ? "select indexname from pg_indexes where tablename = ? and schemaname = current_schema"
            : "select index_name from information_schema.indexes where lower(table_name) = ?"
                + " and table_schema = current_schema";
    List<String> names = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1).toLowerCase(Locale.ROOT);
          if (name.endsWith(SUFFIX)) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }
}

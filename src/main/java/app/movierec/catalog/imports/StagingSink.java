package app.movierec.catalog.imports;

import app.movierec.catalog.GenomeTag;
import app.movierec.catalog.GenomeVector;
import app.movierec.catalog.Link;
import app.movierec.catalog.Movie;
import app.movierec.ratings.Rating;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Writes the reader's validated rows into the staging tables, one table after the other (the reader
 * delivers them in that order), and adds each table's keys once it is loaded.
 */
final class StagingSink implements DatasetSink {

  /** Each staging table's columns, in the order the sink writes them. */
  static final Map<String, List<String>> COLUMNS =
      Map.of(
          "genome_tag", List.of("tag_id", "tag"),
          "movie", List.of("movie_id", "title", "release_year", "genres"),
          "movie_link", List.of("movie_id", "imdb_id", "tmdb_id"),
          "rating", List.of("rating_key", "user_id", "movie_id", "stars", "rated_at"),
          "user_tag", List.of("id", "user_id", "movie_id", "tag", "tagged_at"),
          "genome_vector", List.of("movie_id", "relevance"));

  /** Told when a table is loaded and its keys are being built. */
  interface Listener {
    void indexing(String table);
  }

  private final Connection connection;
  private final StagingTables staging;
  private final Listener listener;
  private final java.util.Set<String> done = new java.util.HashSet<>();
  private TableWriter writer;
  private String current;
  private long tagId;

  StagingSink(Connection connection, StagingTables staging, Listener listener) {
    this.connection = connection;
    this.staging = staging;
    this.listener = listener;
  }

  private TableWriter to(String table) {
    if (writer != null && table.equals(current)) {
      return writer;
    }
    try {
      finishCurrent();
      writer =
          TableWriter.open(
              connection, staging.dialect(), StagingTables.staging(table), COLUMNS.get(table));
      current = table;
      return writer;
    } catch (SQLException e) {
      throw TableWriter.failure(table, e);
    }
  }

  private void finishCurrent() throws SQLException {
    if (writer != null) {
      writer.close();
      writer = null;
      keys(current);
    }
  }

  private void keys(String table) throws SQLException {
    if (done.add(table)) {
      listener.indexing(table);
      staging.addKeys(table);
    }
  }

  /** Ends the last table's load and adds the keys of every table. */
  void finish() {
    try {
      finishCurrent();
      for (String table : StagingTables.TABLES) {
        keys(table);
      }
    } catch (SQLException e) {
      throw TableWriter.failure("keys", e);
    }
  }

  /** Abandons the current load (the staging tables are dropped afterwards). */
  void abandon() {
    if (writer != null) {
      try {
        writer.close();
      } catch (SQLException | RuntimeException e) {
        // the staging tables are dropped anyway
      }
      writer = null;
    }
  }

  @Override
  public void genomeTags(List<GenomeTag> tags) {
    try {
      for (GenomeTag tag : tags) {
        to("genome_tag").integer(tag.getTagId()).text(tag.getTag()).end();
      }
    } catch (SQLException e) {
      throw TableWriter.failure("genome_tag", e);
    }
  }

  @Override
  public void movies(List<Movie> movies) {
    try {
      for (Movie movie : movies) {
        to("movie")
            .integer(movie.getMovieId())
            .text(movie.getTitle())
            .integer(movie.getYear())
            .text(movie.getGenres())
            .end();
      }
    } catch (SQLException e) {
      throw TableWriter.failure("movie", e);
    }
  }

  @Override
  public void link(Link link) {
    try {
      to("movie_link")
          .integer(link.getMovieId())
          .integer(link.getImdbId())
          .integer(link.getTmdbId())
          .end();
    } catch (SQLException e) {
      throw TableWriter.failure("movie_link", e);
    }
  }

  @Override
  public void rating(int userId, int movieId, float rating, long timestamp) {
    try {
      to("rating")
          .bigint(Rating.key(userId, movieId))
          .integer(userId)
          .integer(movieId)
          .real(rating)
          .bigint(timestamp)
          .end();
    } catch (SQLException e) {
      throw TableWriter.failure("rating", e);
    }
  }

  @Override
  public void tag(int userId, int movieId, String tag, long timestamp) {
    try {
      to("user_tag")
          .bigint(++tagId)
          .integer(userId)
          .integer(movieId)
          .text(tag)
          .bigint(timestamp)
          .end();
    } catch (SQLException e) {
      throw TableWriter.failure("user_tag", e);
    }
  }

  @Override
  public void genomeVector(int movieId, float[] relevance) {
    try {
      to("genome_vector").integer(movieId).bytes(GenomeVector.pack(relevance)).end();
    } catch (SQLException e) {
      throw TableWriter.failure("genome_vector", e);
    }
  }
}

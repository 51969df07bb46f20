package app.movierec.catalog.imports;

import app.movierec.catalog.GenomeVector;
import app.movierec.common.TrainingData;
import app.movierec.common.TrainingDataSource;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads what the models train on from the database. It reads with plain JDBC rather than entities:
 * it only needs a few columns of every row, and 25 million rating entities would not fit the heap.
 */
@Component
class TrainingDataLoader implements TrainingDataSource {

  private final JdbcTemplate jdbc;
  private final DatasetImportRepository imports;

  TrainingDataLoader(JdbcTemplate jdbc, DatasetImportRepository imports) {
    this.jdbc = jdbc;
    this.imports = imports;
  }

  @Override
  public TrainingData load() {
    String fingerprint =
        imports
            .findById(DatasetImport.SINGLETON_ID)
            .map(DatasetImport::getFingerprint)
            .orElseThrow(
                () -> new IllegalStateException("the database holds no imported dataset yet"));
    fingerprint += liveRatingsFingerprint();
    TrainingDataBuilder builder = new TrainingDataBuilder();
    jdbc.query(
        "select movie_id, genres from movie order by movie_id",
        row -> {
          String genres = row.getString(2);
          builder.movie(
              row.getInt(1),
              genres.isEmpty() ? java.util.List.of() : Arrays.asList(genres.split("\\|")));
        });
    // live ratings (given in the app, table live_rating) replace the MovieLens rating of the same
    // pair; they are few,
    // so a set of their pairs is cheaper than a per-row subquery over millions of MovieLens ratings
    Set<Long> livePairs = new HashSet<>();
    jdbc.query(
        "select user_id, movie_id from live_rating",
        row -> {
          livePairs.add(pair(row.getInt(1), row.getInt(2)));
        });
    jdbc.query(
        "select user_id, movie_id, stars from rating order by user_id, movie_id",
        row -> {
          if (livePairs.isEmpty() || !livePairs.contains(pair(row.getInt(1), row.getInt(2)))) {
            builder.rating(row.getInt(1), row.getInt(2), row.getFloat(3));
          }
        });
    jdbc.query(
        "select l.user_id, l.movie_id, l.stars from live_rating l join movie m on m.movie_id = l.movie_id"
            + " order by l.user_id, l.movie_id",
        row -> {
          builder.rating(row.getInt(1), row.getInt(2), row.getFloat(3));
        });
    jdbc.query(
        "select movie_id, tag from user_tag order by id",
        row -> {
          builder.tag(row.getInt(1), row.getString(2));
        });
    builder.genomeTagNames(
        jdbc.queryForList("select tag from genome_tag order by tag_id", String.class));
    jdbc.query(
        "select movie_id, relevance from genome_vector",
        row -> {
          builder.genomeVector(row.getInt(1), GenomeVector.unpack(row.getBytes(2)));
        });
    return builder.build(fingerprint);
  }

  private static long pair(int userId, int movieId) {
    return ((long) userId << 32) | (movieId & 0xffffffffL);
  }

  /**
   * Empty without live ratings; otherwise a digest of them, so a model saved before they changed is
   * not reused.
   */
  private String liveRatingsFingerprint() {
    return jdbc.queryForObject(
        "select count(*), coalesce(sum(cast(user_id as bigint) * 7919 + movie_id * 31 + cast(stars * 2 as int)), 0),"
            + " coalesce(max(rated_at), 0) from live_rating",
        (row, n) ->
            row.getLong(1) == 0
                ? ""
                : "+live:" + row.getLong(1) + ":" + row.getLong(2) + ":" + row.getLong(3));
  }
}

package app.movierec.catalog.imports;

import app.movierec.catalog.GenomeVector;
import app.movierec.common.TrainingData;
import app.movierec.common.TrainingDataSource;
import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads what the models train on from the database. It reads with plain JDBC rather than entities:
 * it only needs a few columns of every row, and 25 million rating entities would not fit the heap.
 * The arrays are sized once from the row counts. {@link #fingerprint()} costs two small queries
 * (the import's fingerprint and a digest of the few live ratings), so the recommender can tell
 * whether its saved snapshot of this data is still current without reading the ratings.
 */
@Component
class TrainingDataLoader implements TrainingDataSource {

  private final JdbcTemplate jdbc;
  private final DatasetImportRepository imports;
  private volatile SoftReference<TrainingData> handedOver;

  TrainingDataLoader(JdbcTemplate jdbc, DatasetImportRepository imports) {
    this.jdbc = jdbc;
    this.imports = imports;
  }

  @Override
  public Optional<String> fingerprint() {
    return Optional.of(datasetFingerprint() + liveRatingsFingerprint());
  }

  /**
   * Keeps the training data an import collected from the rows it imported, for the next {@link
   * #takeCollected} to return instead of reading them back, if the database still holds exactly
   * them then (same dataset, no live rating since). Held softly: it only saves time, so under
   * memory pressure the collector may drop it, and the rows are read from the database as before.
   */
  void handOver(TrainingData imported) {
    handedOver = new SoftReference<>(imported);
  }

  @Override
  public Optional<TrainingData> takeCollected(String fingerprint) {
    SoftReference<TrainingData> kept = handedOver;
    handedOver = null;
    TrainingData imported = kept == null ? null : kept.get();
    return imported != null && imported.fingerprint().equals(fingerprint)
        ? Optional.of(imported)
        : Optional.empty();
  }

  @Override
  public TrainingData load() {
    String fingerprint = datasetFingerprint() + liveRatingsFingerprint();
    long expected =
        jdbc.queryForObject("select count(*) from rating", Long.class)
            + jdbc.queryForObject("select count(*) from live_rating", Long.class);
    TrainingDataBuilder builder =
        new TrainingDataBuilder((int) Math.min(Integer.MAX_VALUE - 8, expected));
    jdbc.query(
        "select movie_id, genres from movie order by movie_id",
        row -> {
          String genres = row.getString(2);
          builder.movie(
              row.getInt(1), genres.isEmpty() ? List.of() : Arrays.asList(genres.split("\\|")));
        });
    // live ratings (given in the app, table live_rating) replace the MovieLens rating of the same
    // pair; they are few, so each user's live movies, looked up once per run of that user's
    // ratings, are cheaper than a per-row subquery over millions of MovieLens ratings
    Map<Integer, int[]> liveMoviesByUser = new HashMap<>();
    jdbc.query(
        "select user_id, movie_id from live_rating order by user_id, movie_id",
        row -> {
          liveMoviesByUser.merge(
              row.getInt(1),
              new int[] {row.getInt(2)},
              (a, b) -> {
                int[] merged = Arrays.copyOf(a, a.length + 1);
                merged[a.length] = b[0];
                return merged;
              });
        });
    int[] currentUser = {Integer.MIN_VALUE};
    int[][] currentLive = {null};
    // rating_key orders by user, then movie, and is the order the table is stored in
    jdbc.query(
        "select user_id, movie_id, stars from rating order by rating_key",
        row -> {
          int userId = row.getInt(1);
          int movieId = row.getInt(2);
          if (userId != currentUser[0]) {
            currentUser[0] = userId;
            currentLive[0] = liveMoviesByUser.isEmpty() ? null : liveMoviesByUser.get(userId);
          }
          if (currentLive[0] == null || Arrays.binarySearch(currentLive[0], movieId) < 0) {
            builder.rating(userId, movieId, row.getFloat(3));
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
        "select movie_id, relevance from genome_vector order by movie_id",
        row -> {
          builder.genomeVector(row.getInt(1), GenomeVector.unpack(row.getBytes(2)));
        });
    return builder.build(fingerprint);
  }

  private String datasetFingerprint() {
    return imports
        .findById(DatasetImport.SINGLETON_ID)
        .map(DatasetImport::getFingerprint)
        .orElseThrow(() -> new IllegalStateException("the database holds no imported dataset yet"));
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

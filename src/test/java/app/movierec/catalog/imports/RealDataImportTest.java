package app.movierec.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.SharedDatasets;
import app.movierec.catalog.CatalogService;
import app.movierec.common.ProgressListener;
import app.movierec.ratings.RatingService;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The official ml-latest-small and the partial real genome from ../shared, imported through the
 * app's importer.
 */
@SpringBootTest
class RealDataImportTest {

  @Autowired MovieLensImporter importer;
  @Autowired CatalogService catalog;
  @Autowired RatingService ratings;
  @Autowired JdbcTemplate jdbc;

  private ImportSummary importShared(Path genomeDir, int maxMovies) {
    MovieLensFiles files = new MovieLensFiles(SharedDatasets.mlLatestSmall(), genomeDir);
    return importer.importDataset(
        "ml-latest-small", files, "real", maxMovies, OnError.FAIL, ProgressListener.NONE);
  }

  @Test
  void imports_ml_latest_small_with_the_official_counts() {
    ImportSummary summary = importShared(null, 0);

    assertThat(summary.skipped().count()).isZero();
    assertThat(catalog.counts().movies()).isEqualTo(9_742);
    assertThat(catalog.counts().links()).isEqualTo(9_742);
    assertThat(catalog.counts().userTags()).isEqualTo(3_683);
    assertThat(ratings.ratingCount()).isEqualTo(100_836);
    assertThat(ratings.userCount()).isEqualTo(610);
    assertThat(jdbc.queryForObject("select count(distinct movie_id) from rating", Long.class))
        .isEqualTo(9_724);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from movie_link where tmdb_id is null", Long.class))
        .isEqualTo(8);
    assertThat(catalog.movie(1))
        .get()
        .satisfies(
            m -> {
              assertThat(m.getTitle()).isEqualTo("Toy Story");
              assertThat(m.getYear()).isEqualTo(1995);
            });
  }

  @Test
  void mini_mode_keeps_the_100_most_rated_genome_movies_and_only_their_ratings() {
    Path genome = SharedDatasets.genomePartial();
    ImportSummary full = importShared(genome, 0);
    assertThat(full.genomeMovies())
        .as("genome-partial movies that are in ml-latest-small")
        .isEqualTo(158);
    Map<Integer, Long> fullCounts = ratingsPerMovie();
    Set<Integer> genomeMovies =
        new HashSet<>(jdbc.queryForList("select movie_id from genome_vector", Integer.class));

    ImportSummary mini = importShared(genome, 100);

    Set<Integer> kept =
        new HashSet<>(jdbc.queryForList("select movie_id from movie", Integer.class));
    assertThat(mini.movies()).isEqualTo(100);
    assertThat(mini.genomeMovies()).isEqualTo(100);
    assertThat(genomeMovies).containsAll(kept);
    assertThat(
            new HashSet<>(jdbc.queryForList("select movie_id from genome_vector", Integer.class)))
        .isEqualTo(kept);
    long leastRatedKept =
        kept.stream().mapToLong(id -> fullCounts.getOrDefault(id, 0L)).min().orElseThrow();
    long mostRatedLeftOut =
        genomeMovies.stream()
            .filter(id -> !kept.contains(id))
            .mapToLong(id -> fullCounts.getOrDefault(id, 0L))
            .max()
            .orElseThrow();
    assertThat(leastRatedKept).isGreaterThanOrEqualTo(mostRatedLeftOut);
    long expectedRatings = kept.stream().mapToLong(id -> fullCounts.getOrDefault(id, 0L)).sum();
    assertThat(mini.ratings()).isEqualTo(expectedRatings);
    assertThat(ratingsPerMovie().keySet()).isSubsetOf(kept);
    assertThat(catalog.strongestGenomeTags(1, 3)).hasSize(3);
  }

  private Map<Integer, Long> ratingsPerMovie() {
    Map<Integer, Long> counts = new HashMap<>();
    jdbc.query(
        "select movie_id, count(*) from rating group by movie_id",
        row -> {
          counts.put(row.getInt(1), row.getLong(2));
        });
    return counts;
  }
}

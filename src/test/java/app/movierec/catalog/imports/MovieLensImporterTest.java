package app.movierec.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.catalog.CatalogCounts;
import app.movierec.catalog.CatalogService;
import app.movierec.common.DatasetReadyEvent;
import app.movierec.common.ProgressListener;
import app.movierec.common.TrainingData;
import app.movierec.ratings.RatingService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The JPA import at start-up, on the hand-made fixture (the test configuration points
 * movierec.data-dir at it).
 */
@SpringBootTest
class MovieLensImporterTest {

  private static final CatalogCounts FIXTURE_COUNTS = new CatalogCounts(10, 10, 4, 3, 4);

  @Autowired DatasetStartup startup;
  @Autowired MovieLensImporter importer;
  @Autowired CatalogService catalog;
  @Autowired RatingService ratings;
  @Autowired DatasetStatusService status;
  @Autowired TrainingDataLoader trainingData;

  @TempDir Path dir;

  @BeforeEach
  @AfterEach // the context, and so the database, is shared with other test classes
  void databaseHoldsTheFixture() {
    startup.ensureImported(); // imports again only if a test left another dataset behind
  }

  @Test
  void start_up_imports_the_fixture_into_h2() {
    assertThat(catalog.counts()).isEqualTo(FIXTURE_COUNTS);
    assertThat(ratings.ratingCount()).isEqualTo(17);
    assertThat(ratings.userCount()).isEqualTo(4);
    assertThat(catalog.movie(2))
        .get()
        .satisfies(
            movie -> {
              assertThat(movie.getTitle()).isEqualTo("American President, The");
              assertThat(movie.getYear()).isEqualTo(1995);
            });
    assertThat(catalog.link(5)).get().satisfies(link -> assertThat(link.getTmdbId()).isNull());
    assertThat(catalog.strongestGenomeTags(2, 2))
        .extracting(CatalogService.GenomeTagRelevance::tag)
        .containsExactly("politics, government", "quirky");
    assertThat(ratings.ratingsOf(1))
        .hasSize(5)
        .first()
        .satisfies(r -> assertThat(r.getRating()).isEqualTo(5.0f));
    assertThat(status.current())
        .get()
        .satisfies(
            imported -> {
              assertThat(imported.getDataset()).isEqualTo("tiny");
              assertThat(imported.getRatings()).isEqualTo(17);
            });
  }

  @Test
  void the_training_data_an_import_collects_is_what_the_database_gives_back() {
    importWithOneMoreRating("5,1,4.0,964982703"); // a new user: still sorted by user, movie
    String fingerprint = trainingData.fingerprint().orElseThrow();

    TrainingData collected = trainingData.takeCollected(fingerprint).orElseThrow();

    assertThat(collected.ratingCount()).isEqualTo(18);
    assertThat(collected).usingRecursiveComparison().isEqualTo(trainingData.load());
    assertThat(trainingData.takeCollected(fingerprint)).as("taken once").isEmpty();
  }

  @Test
  void ratings_out_of_user_and_movie_order_are_read_back_from_the_database_in_that_order() {
    importWithOneMoreRating("4,5,4.0,964982703"); // user 4 rated movies 7 and 9 before

    assertThat(trainingData.takeCollected(trainingData.fingerprint().orElseThrow())).isEmpty();
    TrainingData read = trainingData.load();
    assertThat(read.ratingCount()).isEqualTo(18);
    assertThat(read.ratingUserIds()).isSorted();
  }

  @Test
  void collected_training_data_is_not_used_once_a_live_rating_changed_the_data() {
    importWithOneMoreRating("5,1,4.0,964982703"); // in order, so the import collected its data
    String imported = trainingData.fingerprint().orElseThrow();
    ratings.rate(1, 5, 0.5);
    try {
      String now = trainingData.fingerprint().orElseThrow();
      assertThat(now).isNotEqualTo(imported);
      assertThat(trainingData.takeCollected(now)).isEmpty();
    } finally {
      ratings.deleteLiveRating(1, 5);
    }
  }

  private void importWithOneMoreRating(String row) {
    TinyDataset data = TinyDataset.copyTo(dir);
    data.append("ratings.csv", row);
    assertThat(startup.ensureImported(data.files()).imported()).isTrue();
  }

  @Test
  void a_second_start_with_the_same_files_imports_nothing() {
    Instant importedAt = status.current().orElseThrow().getImportedAt();

    DatasetReadyEvent event = startup.ensureImported();

    assertThat(event.imported()).isFalse();
    assertThat(status.current().orElseThrow().getImportedAt()).isEqualTo(importedAt);
  }

  @Test
  void changed_files_are_imported_again() throws Exception {
    TinyDataset data = TinyDataset.copyTo(dir);
    assertThat(startup.ensureImported(data.files()).imported()).isTrue();
    assertThat(startup.ensureImported(data.files()).imported()).isFalse();

    data.append("ratings.csv", "4,5,4.0,964982703");
    Files.setLastModifiedTime(
        dir.resolve("ratings.csv"), FileTime.from(Instant.now().plusSeconds(5)));
    DatasetReadyEvent event = startup.ensureImported(data.files());

    assertThat(event.imported()).isTrue();
    assertThat(ratings.ratingCount()).isEqualTo(18);
  }

  @Test
  void a_malformed_row_fails_the_import_and_leaves_the_database_as_it_was() {
    String fingerprint = status.current().orElseThrow().getFingerprint();
    TinyDataset data =
        TinyDataset.copyTo(dir)
            .append("tags.csv", "1,2,fine,1445714994")
            .append("ratings.csv", "3,4,9.5,964982703");

    assertThatThrownBy(
            () ->
                importer.importDataset(
                    "broken", data.files(), "x", 0, OnError.FAIL, ProgressListener.NONE))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith(
            "ratings.csv line 19: rating must be 0.5 to 5.0 in half stars, got 9.5");

    assertThat(catalog.counts()).isEqualTo(FIXTURE_COUNTS);
    assertThat(ratings.ratingCount()).isEqualTo(17);
    assertThat(status.current().orElseThrow().getFingerprint()).isEqualTo(fingerprint);
  }

  @Test
  void skip_mode_imports_the_good_rows_and_counts_the_bad_ones() {
    TinyDataset data =
        TinyDataset.copyTo(dir)
            .append("ratings.csv", "3,4,9.5,964982703")
            .append("ratings.csv", "4,5,4.0,964982703");

    ImportSummary summary =
        importer.importDataset(
            "skipping", data.files(), "y", 0, OnError.SKIP, ProgressListener.NONE);

    assertThat(summary.skipped().count()).isEqualTo(1);
    assertThat(ratings.ratingCount()).isEqualTo(18);
    assertThat(status.current().orElseThrow().getSkippedRows()).isEqualTo(1);
  }
}

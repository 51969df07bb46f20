package app.movierec.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.movierec.catalog.imports.DatasetChoice.Option;
import app.movierec.common.ProgressTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The first start without a configured dataset: the start-up waits for a choice on the first page,
 * remembers it, and never waits when a dataset is configured or already there.
 */
class DatasetChoiceTest {

  @TempDir Path temp;

  private DatasetProperties settings(Path dataDir, boolean downloads) {
    return new DatasetProperties(
        "ml-latest-small",
        dataDir.toString(),
        null,
        new DatasetProperties.Catalog(0),
        new DatasetProperties.Import(OnError.FAIL, false),
        new DatasetProperties.Download(
            downloads, "http://localhost", Duration.ofSeconds(1), Duration.ofSeconds(1)));
  }

  private DatasetChoice choice(MockEnvironment environment) {
    return new DatasetChoice(
        environment, new ProgressTracker(), temp.resolve("dataset-choice.properties"));
  }

  @Test
  void nothing_configured_and_an_empty_folder_waits_for_the_pick_and_remembers_it() {
    DatasetChoice choice = choice(new MockEnvironment());
    DatasetProperties configured = settings(temp.resolve("empty"), true);

    CompletableFuture<DatasetProperties> settled =
        CompletableFuture.supplyAsync(() -> choice.settle(configured));
    await().atMost(Duration.ofSeconds(10)).until(choice::waiting);
    assertThat(settled).isNotDone();

    choice.choose(Option.MINI);

    DatasetProperties chosen = settled.join();
    assertThat(chosen.dataset()).isEqualTo("ml-25m");
    assertThat(chosen.catalog().maxMovies()).isEqualTo(100);
    assertThat(chosen.dataDir()).as("a configured folder stays").isEqualTo(configured.dataDir());
    assertThat(choice.waiting()).isFalse();

    DatasetProperties nextStart = choice(new MockEnvironment()).settle(configured);
    assertThat(nextStart.dataset()).as("remembered, no waiting").isEqualTo("ml-25m");
    assertThat(nextStart.catalog().maxMovies()).isEqualTo(100);
  }

  @Test
  void a_configured_dataset_or_a_folder_with_data_or_no_downloads_never_waits() throws Exception {
    DatasetProperties empty = settings(temp.resolve("empty"), true);
    MockEnvironment configured = new MockEnvironment().withProperty("movierec.dataset", "ml-25m");
    assertThat(choice(configured).settle(empty)).isSameAs(empty);

    assertThat(choice(new MockEnvironment()).settle(settings(temp.resolve("off"), false)))
        .extracting(DatasetProperties::dataset)
        .isEqualTo("ml-latest-small");

    Path full = Files.createDirectories(temp.resolve("full"));
    Files.writeString(full.resolve("movies.csv"), "movieId,title,genres\n");
    Files.writeString(full.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n");
    DatasetProperties withData = settings(full, true);
    assertThat(choice(new MockEnvironment()).settle(withData)).isSameAs(withData);
  }

  @Test
  void the_default_folder_follows_the_chosen_release() {
    DatasetProperties defaults = settings(Path.of("data", "ml-latest-small"), true);

    DatasetProperties chosen = DatasetChoice.apply(Option.ML_25M, defaults);

    assertThat(chosen.dataDir()).isEqualTo(Path.of("data", "ml-25m").toString());
    assertThat(chosen.catalog().maxMovies()).isZero();
    assertThat(Option.MINI.label()).isEqualTo("ml-25m (mini, 100 movies)");
  }
}

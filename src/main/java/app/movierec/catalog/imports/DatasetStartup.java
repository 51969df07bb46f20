package app.movierec.catalog.imports;

import app.movierec.common.DatasetReadyEvent;
import app.movierec.common.Progress.Stage;
import app.movierec.common.ProgressTracker;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up: downloads the dataset when its folder has none (the one configured, or else the one
 * picked on the first page, see {@link DatasetChoice}), imports it unless the database already
 * holds exactly these files (same fingerprint), and announces {@link DatasetReadyEvent}. It runs
 * once the web server is up, so the page can show the progress; a failure stops the app with one
 * clear paragraph (see {@link DatasetFailureAnalyzer}).
 */
@Component
@Order(0)
class DatasetStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DatasetStartup.class);

  private final DatasetChoice choice;
  private final DatasetDownloader downloader;
  private final MovieLensImporter importer;
  private final TrainingDataLoader trainingData;
  private final DatasetImportRepository imports;
  private final ProgressTracker tracker;
  private final ApplicationEventPublisher events;
  private DatasetProperties properties;

  DatasetStartup(
      DatasetProperties properties,
      DatasetChoice choice,
      DatasetDownloader downloader,
      MovieLensImporter importer,
      TrainingDataLoader trainingData,
      DatasetImportRepository imports,
      ProgressTracker tracker,
      ApplicationEventPublisher events) {
    this.properties = properties;
    this.choice = choice;
    this.downloader = downloader;
    this.importer = importer;
    this.trainingData = trainingData;
    this.imports = imports;
    this.tracker = tracker;
    this.events = events;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      properties = choice.settle(properties); // waits for the first page when nothing was chosen
      events.publishEvent(ensureImported());
    } catch (ImportException e) {
      tracker.failed("The dataset could not be imported", e.getMessage());
      throw e;
    }
  }

  /** Downloads and imports as needed; returns the event describing what the database now holds. */
  DatasetReadyEvent ensureImported() {
    return ensureImported(new MovieLensFiles(properties.dataPath(), properties.genomePath()));
  }

  DatasetReadyEvent ensureImported(MovieLensFiles files) {
    if (!files.hasDataset()) {
      if (!properties.download().enabled()) {
        throw new DatasetUnavailableException(
            "No MovieLens dataset in "
                + files.dataDir()
                + " (it needs movies.csv and ratings.csv).",
            "Point --movierec.data-dir at a folder with the MovieLens files, or allow the download with "
                + "--movierec.download.enabled=true.",
            null);
      }
      tracker.update(Stage.DOWNLOADING, "Downloading " + properties.dataset(), -1);
      downloader.download(
          properties.dataset(),
          files.dataDir(),
          properties.download(),
          (phase, fraction) -> tracker.update(Stage.DOWNLOADING, phase, fraction));
    }
    String fingerprint = files.fingerprint(properties.importSettings());
    String dataset = datasetName(files);
    Optional<DatasetImport> current = imports.findById(DatasetImport.SINGLETON_ID);
    if (current.isPresent() && current.get().getFingerprint().equals(fingerprint)) {
      log.info(
          "The database already holds {} from {} ({} ratings): nothing to import",
          current.get().getDataset(),
          files.dataDir(),
          String.format("%,d", current.get().getRatings()));
      return new DatasetReadyEvent(current.get().getDataset(), fingerprint, false);
    }
    tracker.update(Stage.IMPORTING, "Importing " + dataset, 0);
    // the training data is collected from the same rows as they are imported, so that the first
    // training does not read them back from the database (55 s for 25 million ratings)
    TrainingDataSink training = new TrainingDataSink();
    importer.importDataset(
        dataset,
        files,
        fingerprint,
        properties.catalog().maxMovies(),
        properties.importing().onError(),
        properties.importing().allowShrink(),
        training,
        (phase, fraction) -> tracker.update(Stage.IMPORTING, phase, fraction));
    if (training.inKeyOrder()) {
      trainingData.handOver(training.build(fingerprint));
    } else {
      log.info(
          "ratings.csv is not sorted by user, then movie: the training data is read back from the"
              + " database in that order");
    }
    return new DatasetReadyEvent(dataset, fingerprint, true);
  }

  /** The folder's name ("ml-latest-small"), with the mini size when the catalogue is cut down. */
  private String datasetName(MovieLensFiles files) {
    String name = files.dataDir().getFileName().toString();
    int maxMovies = properties.catalog().maxMovies();
    return maxMovies > 0 ? name + " (mini, " + maxMovies + " movies)" : name;
  }
}

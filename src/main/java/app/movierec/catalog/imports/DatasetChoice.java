package app.movierec.catalog.imports;

import app.movierec.common.Progress.Stage;
import app.movierec.common.ProgressTracker;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which MovieLens release to download when nobody said: with no {@code movierec.dataset} configured
 * and no dataset in the data folder, the start-up waits until a person picks one of {@link Option}
 * on the first page (which shows what each costs and gives), and remembers the pick in {@code
 * data/dataset-choice.properties} for the next start. A configured dataset, a folder that already
 * holds one, or downloads turned off never wait.
 */
@Component
public class DatasetChoice {

  private static final Logger log = LoggerFactory.getLogger(DatasetChoice.class);

  /** Where a pick is remembered (beside the downloaded datasets; delete it to choose again). */
  static final Path REMEMBERED = Path.of("data", "dataset-choice.properties");

  /** The releases a person can pick, with what each costs and gives. */
  public enum Option {
    ML_LATEST_SMALL(
        "ml-latest-small",
        0,
        "1 MB download",
        "100,836 ratings of 9,742 movies by 610 users. No tag genome: the content side compares"
            + " genres and users' tags. Ready in under a minute."),
    ML_25M(
        "ml-25m",
        0,
        "250 MB download",
        "25 million ratings of 62,423 movies by 162,541 users, and the tag genome for 13,816"
            + " movies. The import and the first training take a while and several GB of memory"
            + " (-Xmx8g)."),
    MINI(
        "ml-25m",
        100,
        "250 MB download, 100 movies kept",
        "The 100 most-rated movies of ml-25m with their tag genome, as in the original demo: small"
            + " and quick, with the genome content model.");

    private final String dataset;
    private final int maxMovies;
    private final String size;
    private final String gives;

    Option(String dataset, int maxMovies, String size, String gives) {
      this.dataset = dataset;
      this.maxMovies = maxMovies;
      this.size = size;
      this.gives = gives;
    }

    /** The GroupLens release downloaded. */
    public String dataset() {
      return dataset;
    }

    /** Mini mode's movie count ({@code movierec.catalog.max-movies}); 0 keeps them all. */
    public int maxMovies() {
      return maxMovies;
    }

    /** "ml-25m (mini, 100 movies)". */
    public String label() {
      return maxMovies > 0 ? dataset + " (mini, " + maxMovies + " movies)" : dataset;
    }

    /** What it costs to get, e.g. "1 MB download". */
    public String size() {
      return size;
    }

    /** What it gives, in a sentence or two. */
    public String gives() {
      return gives;
    }

    static Optional<Option> of(String dataset, int maxMovies) {
      for (Option option : values()) {
        if (option.dataset.equals(dataset) && option.maxMovies == maxMovies) {
          return Optional.of(option);
        }
      }
      return Optional.empty();
    }
  }

  private final Environment environment;
  private final ProgressTracker tracker;
  private final Path remembered;
  private final CompletableFuture<Option> chosen = new CompletableFuture<>();
  private volatile boolean waiting;

  @Autowired
  DatasetChoice(Environment environment, ProgressTracker tracker) {
    this(environment, tracker, REMEMBERED);
  }

  DatasetChoice(Environment environment, ProgressTracker tracker, Path remembered) {
    this.environment = environment;
    this.tracker = tracker;
    this.remembered = remembered;
  }

  /**
   * Whether the start-up is waiting for {@link #choose}: the first page then offers the options.
   */
  public boolean waiting() {
    return waiting;
  }

  /** Picks the dataset the start-up waits for; later calls are ignored. */
  public void choose(Option option) {
    chosen.complete(option);
  }

  /**
   * The settings to start with: {@code configured} as it is, unless nothing names a dataset, the
   * data folder holds none and downloads are on; then the remembered pick, or else the one a person
   * makes on the first page (this blocks until then).
   */
  DatasetProperties settle(DatasetProperties configured) {
    if (environment.containsProperty("movierec.dataset")
        || !configured.download().enabled()
        || new MovieLensFiles(configured.dataPath(), configured.genomePath()).hasDataset()) {
      return configured;
    }
    Optional<Option> before = readRemembered();
    if (before.isPresent()) {
      return apply(before.get(), configured);
    }
    waiting = true;
    tracker.update(Stage.STARTING, "Waiting for a dataset to be chosen on the first page", -1);
    log.info(
        "No dataset in {} and none configured: choose one on the app's first page"
            + " (or start with --movierec.dataset=ml-latest-small)",
        configured.dataPath().toAbsolutePath());
    Option option;
    try {
      option = chosen.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a dataset choice", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      waiting = false;
    }
    log.info("Dataset chosen on the first page: {}", option.label());
    remember(option);
    return apply(option, configured);
  }

  /**
   * The configured settings with the option's release and mini size; the default folder ({@code
   * data/<dataset>}) follows the release, a configured folder stays.
   */
  static DatasetProperties apply(Option option, DatasetProperties configured) {
    String defaultFolder = Path.of("data", configured.dataset()).toString();
    String dataDir =
        Path.of(configured.dataDir()).normalize().toString().equals(defaultFolder)
            ? Path.of("data", option.dataset()).toString()
            : configured.dataDir();
    return new DatasetProperties(
        option.dataset(),
        dataDir,
        configured.genomeDir(),
        new DatasetProperties.Catalog(option.maxMovies()),
        configured.importing(),
        configured.download());
  }

  private Optional<Option> readRemembered() {
    if (!Files.isRegularFile(remembered)) {
      return Optional.empty();
    }
    var saved = new Properties();
    try (Reader in = Files.newBufferedReader(remembered)) {
      saved.load(in);
      return Option.of(
          saved.getProperty("movierec.dataset", ""),
          Integer.parseInt(saved.getProperty("movierec.catalog.max-movies", "0").strip()));
    } catch (IOException | NumberFormatException e) {
      log.warn("Ignoring {}: {}", remembered, e.getMessage());
      return Optional.empty();
    }
  }

  private void remember(Option option) {
    var saved = new Properties();
    saved.setProperty("movierec.dataset", option.dataset());
    saved.setProperty("movierec.catalog.max-movies", String.valueOf(option.maxMovies()));
    try {
      Files.createDirectories(remembered.toAbsolutePath().getParent());
      try (Writer out = Files.newBufferedWriter(remembered)) {
        saved.store(out, "The dataset chosen on the first page; delete this file to choose again");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remember the dataset choice in " + remembered, e);
    }
  }
}

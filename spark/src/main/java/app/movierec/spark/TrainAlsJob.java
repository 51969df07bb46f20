package app.movierec.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkThrowable;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The job's entry point: reads ratings, fits Spark MLlib's implicit ALS ({@code
 * implicitPrefs=true}, {@code nonnegative=false}) and exports the factors (see {@link
 * FactorExport}). Run it with {@code spark-submit --class app.movierec.spark.TrainAlsJob
 * movierec-spark-job.jar ...} or, without a Spark installation, {@code
 * java @spark/target/spark-job.args app.movierec.spark.TrainAlsJob --master local[2] ...}.
 */
@Command(
    name = "train-als",
    mixinStandardHelpOptions = true,
    version = "movierec-spark-job 0.1.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Trains implicit ALS with Spark MLlib on the movie recommender's ratings and exports the"
          + " factors in the folder format the app imports (see spark/README.md).",
      "Ratings come from the app's PostgreSQL (--jdbc-url; live_rating replaces rating of the same"
          + " user and movie) or from a MovieLens ratings.csv / Parquet path (--ratings)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the export was written",
      "1:bad input or output (missing path, malformed or invalid ratings, export exists)",
      "2:bad options"
    })
public final class TrainAlsJob implements Callable<Integer> {

  static final int EXIT_DATA = 1;

  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  /** Environment variable with the database password (kept off the command line). */
  static final String PASSWORD_VARIABLE = "MOVIEREC_JDBC_PASSWORD";

  static final class Source {
    @Option(
        names = "--ratings",
        paramLabel = "PATH",
        description =
            "MovieLens ratings.csv (header userId,movieId,rating,timestamp) or Parquet, on any"
                + " Hadoop path (file:, hdfs:, s3a:, ...)")
    String ratingsPath;

    @Option(
        names = "--jdbc-url",
        paramLabel = "URL",
        description =
            "the app's database, e.g. jdbc:postgresql://db:5432/movierec; password from env "
                + PASSWORD_VARIABLE)
    String jdbcUrl;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nRatings (one of):%n")
  Source source;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "csv, parquet or auto (.csv or .csv.* is csv, anything else parquet); default ${DEFAULT-VALUE}")
  String format;

  @Option(names = "--jdbc-user", paramLabel = "USER", description = "database user")
  String jdbcUser;

  @Option(
      names = "--rating-table",
      paramLabel = "TABLE",
      defaultValue = "rating",
      description = "MovieLens ratings table; default ${DEFAULT-VALUE}")
  String ratingTable;

  @Option(
      names = "--live-rating-table",
      paramLabel = "TABLE",
      defaultValue = "live_rating",
      description =
          "ratings given in the app, which win over the MovieLens ones; default ${DEFAULT-VALUE}")
  String liveRatingTable;

  @Option(names = "--no-live-ratings", description = "read only --rating-table")
  boolean noLiveRatings;

  @Option(
      names = "--jdbc-partitions",
      paramLabel = "N",
      description =
          "parallel queries per table, split on user_id; default: Spark's default parallelism")
  Integer jdbcPartitions;

  @Option(
      names = "--jdbc-fetch-size",
      defaultValue = "10000",
      paramLabel = "ROWS",
      description = "rows per database round trip; default ${DEFAULT-VALUE}")
  int jdbcFetchSize;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "export folder (any Hadoop path); must not exist unless --overwrite")
  String out;

  @Option(names = "--overwrite", description = "replace an existing export folder")
  boolean overwrite;

  @Option(
      names = "--rank",
      paramLabel = "N",
      defaultValue = "" + AlsSettings.DEFAULT_RANK,
      description = "latent factors (the app's factors); default ${DEFAULT-VALUE}")
  int rank;

  @Option(
      names = "--reg-param",
      paramLabel = "LAMBDA",
      defaultValue = "" + AlsSettings.DEFAULT_REG_PARAM,
      description =
          "regularization per rating (the app's regularization with scale-regularization=true);"
              + " default ${DEFAULT-VALUE}")
  double regParam;

  @Option(
      names = "--alpha",
      paramLabel = "ALPHA",
      defaultValue = "" + AlsSettings.DEFAULT_ALPHA,
      description =
          "confidence 1 + alpha * rating (the app's alpha, confidence LINEAR); default ${DEFAULT-VALUE}")
  double alpha;

  @Option(
      names = "--max-iter",
      paramLabel = "N",
      defaultValue = "" + AlsSettings.DEFAULT_MAX_ITER,
      description = "ALS iterations (the app's iterations); default ${DEFAULT-VALUE}")
  int maxIter;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "" + AlsSettings.DEFAULT_SEED,
      description = "seed of the initial factors; default ${DEFAULT-VALUE}")
  long seed;

  @Option(
      names = "--blocks",
      paramLabel = "N",
      description =
          "ALS user and item blocks; default: Spark's default parallelism (the cores). The initial"
              + " factors depend on it: fix it to get the same model on clusters of other sizes")
  Integer blocks;

  @Option(
      names = "--checkpoint-dir",
      paramLabel = "DIR",
      description = "checkpoint ALS every 10 iterations there (cuts long lineages on big clusters)")
  String checkpointDir;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master, e.g. local[2]; spark-submit sets it otherwise")
  String master;

  @Option(names = "--verbose", description = "keep Spark's INFO logging")
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new TrainAlsJob());
    commandLine.setExecutionExceptionHandler(
        (exception, line, parsed) -> {
          PrintWriter err = line.getErr();
          if (exception instanceof IllegalArgumentException) {
            err.println("train-als: " + exception.getMessage());
            line.usage(err);
            return line.getCommandSpec().exitCodeOnInvalidInput();
          }
          err.println("train-als: " + describe(exception));
          if (!(exception instanceof JobException || exception instanceof SparkThrowable)) {
            exception.printStackTrace(err);
          }
          return EXIT_DATA;
        });
    return commandLine;
  }

  /**
   * The message of a failure in one line: the outermost message's first line, then each cause that
   * Spark wrapped around the real problem (a task failure around a malformed row, say) that adds
   * something new.
   */
  static String describe(Throwable exception) {
    StringBuilder description = new StringBuilder(oneLine(exception.getMessage(), true));
    for (Throwable cause = exception.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      String message = oneLine(cause.getMessage(), false);
      if (!message.isEmpty() && description.indexOf(message) < 0) {
        description.append(" <- ").append(message);
      }
    }
    return description.toString();
  }

  private static String oneLine(String message, boolean firstLineOnly) {
    if (message == null) {
      return "";
    }
    String[] lines = message.strip().split("\\R");
    if (firstLineOnly) {
      return lines[0].strip();
    }
    StringBuilder joined = new StringBuilder();
    for (String line : lines) {
      if (!line.isBlank()) {
        joined.append(joined.length() == 0 ? "" : "; ").append(line.strip());
      }
    }
    return joined.toString();
  }

  @Override
  public Integer call() throws IOException {
    // validates the options before Spark starts; blocks are known once it has
    new AlsSettings(rank, regParam, alpha, maxIter, seed, blocks == null ? 1 : blocks);
    if (master == null && System.getProperty("spark.master") == null) {
      throw new IllegalArgumentException(
          "no Spark master: run through spark-submit or pass --master, e.g. --master local[2]");
    }
    if (source.jdbcUrl == null && (jdbcUser != null || jdbcPartitions != null)) {
      throw new IllegalArgumentException("--jdbc-user and --jdbc-partitions need --jdbc-url");
    }
    SparkSession.Builder builder = SparkSession.builder().appName("movierec-train-als");
    if (master != null) {
      builder = builder.master(master);
      if (master.startsWith("local")) {
        builder = builder.config("spark.ui.enabled", "false");
      }
    }
    // tests (and notebooks) may already have a session; stop only one this call created
    boolean ownSession =
        SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = builder.getOrCreate();
    try {
      spark.sparkContext().setLogLevel(verbose ? "INFO" : "WARN");
      if (!spark.sparkContext().getConf().contains(SHUFFLE_PARTITIONS)) {
        // the ratings are cached after the one shuffle that merges pairs, and ALS keeps their
        // partitions; Spark's default of 200 tiny partitions made local[2] runs several times
        // slower
        int partitions = 2 * spark.sparkContext().defaultParallelism();
        spark.conf().set(SHUFFLE_PARTITIONS, "" + partitions);
      }
      int blockCount = blocks != null ? blocks : spark.sparkContext().defaultParallelism();
      return train(spark, new AlsSettings(rank, regParam, alpha, maxIter, seed, blockCount));
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  private int train(SparkSession spark, AlsSettings settings) throws IOException {
    PrintWriter console = spec.commandLine().getOut();
    RatingSource ratingSource = ratingSource(spark);
    FactorExport export =
        FactorExport.to(out, spark.sparkContext().hadoopConfiguration(), overwrite);
    if (checkpointDir != null) {
      spark.sparkContext().setCheckpointDir(checkpointDir);
    }

    long start = System.nanoTime();
    Dataset<Row> ratings = ratingSource.read(spark).persist(StorageLevel.MEMORY_AND_DISK());
    Ratings.Summary summary = Ratings.check(ratings, ratingSource.description());
    double readSeconds = (System.nanoTime() - start) / 1e9;
    console.printf(
        Locale.ROOT,
        "read %d ratings from %s in %.1f s%n",
        summary.ratings(),
        ratingSource.description(),
        readSeconds);
    console.flush();

    ALS als =
        new ALS()
            .setImplicitPrefs(true)
            .setNonnegative(false)
            .setRank(settings.rank())
            .setRegParam(settings.regParam())
            .setAlpha(settings.alpha())
            .setMaxIter(settings.maxIter())
            .setSeed(settings.seed())
            .setNumUserBlocks(settings.blocks())
            .setNumItemBlocks(settings.blocks())
            .setUserCol(Ratings.USER)
            .setItemCol(Ratings.MOVIE)
            .setRatingCol(Ratings.STARS);
    long cpuBefore = processCpuNanos();
    long fitStart = System.nanoTime();
    ALSModel model = als.fit(ratings);
    // fit() leaves the factors lazy-free (they are persisted RDDs); count them to finish the work
    long userRows = model.userFactors().count();
    long itemRows = model.itemFactors().count();
    double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
    double fitCpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
    ratings.unpersist();
    console.printf(
        Locale.ROOT,
        "fitted rank %d, regParam %s, alpha %s, %d iterations on %d users x %d movies in %.1f s"
            + " (%.1f s CPU of this JVM%s)%n",
        settings.rank(),
        settings.regParam(),
        settings.alpha(),
        settings.maxIter(),
        userRows,
        itemRows,
        fitSeconds,
        fitCpuSeconds,
        isLocal(spark) ? ", which runs all of local mode's work" : ", the driver only");
    console.flush();

    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("format", FactorExport.FORMAT);
    properties.put("formatVersion", "" + FactorExport.FORMAT_VERSION);
    properties.put("rank", "" + settings.rank());
    properties.put("regParam", "" + settings.regParam());
    properties.put("alpha", "" + settings.alpha());
    properties.put("maxIter", "" + settings.maxIter());
    properties.put("seed", "" + settings.seed());
    properties.put("blocks", "" + settings.blocks());
    properties.put("implicitPrefs", "true");
    properties.put("nonnegative", "false");
    properties.put("ratings", "" + summary.ratings());
    properties.put("source", ratingSource.description());
    properties.put("sparkVersion", spark.version());
    properties.put("trainedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    properties.put("fitSeconds", String.format(Locale.ROOT, "%.1f", fitSeconds));
    long exportStart = System.nanoTime();
    FactorExport.Written written = export.write(model, properties);
    console.printf(
        Locale.ROOT,
        "exported %d user and %d movie factor rows to %s in %.1f s%n",
        written.users(),
        written.items(),
        export.target(),
        (System.nanoTime() - exportStart) / 1e9);
    console.flush();
    return 0;
  }

  private RatingSource ratingSource(SparkSession spark) {
    if (source.ratingsPath != null) {
      FileRatings.Format fileFormat =
          switch (format.toLowerCase(Locale.ROOT)) {
            case "auto" -> FileRatings.Format.guess(source.ratingsPath);
            case "csv" -> FileRatings.Format.CSV;
            case "parquet" -> FileRatings.Format.PARQUET;
            default ->
                throw new IllegalArgumentException(
                    "--format must be csv, parquet or auto, got '" + format + "'");
          };
      return new FileRatings(source.ratingsPath, fileFormat);
    }
    int partitions =
        jdbcPartitions != null ? jdbcPartitions : spark.sparkContext().defaultParallelism();
    return new JdbcRatings(
        source.jdbcUrl,
        jdbcUser,
        System.getenv(PASSWORD_VARIABLE),
        ratingTable,
        noLiveRatings ? null : liveRatingTable,
        partitions,
        jdbcFetchSize);
  }

  private static boolean isLocal(SparkSession spark) {
    return spark.sparkContext().isLocal();
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }
}

package app.movierec.recommend.als;

import app.movierec.common.IdIndex;
import app.movierec.common.TrainingData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Imports ALS factors trained outside the app, by the Spark MLlib job in {@code spark/}, as an
 * {@link AlsModel} the app serves without retraining. The export is a folder (format version 1):
 *
 * <pre>
 * model.properties   format=movierec-als-factors, formatVersion=1, rank, regParam, alpha, maxIter,
 *                    seed, implicitPrefs=true, nonnegative=false, ratings, users, items, source, ...
 * user-factors.csv   header userId,f1,...,fk, then one line per user: its id and k floats
 * item-factors.csv   header movieId,f1,...,fk, then one line per movie
 * </pre>
 *
 * <p>The model's movie factors {@code Y} ({@code movies x rank}) and user factors {@code X} ({@code
 * users x rank}) are the exported floats, bit for bit. What the app needs beyond them, each user's
 * rated movies with their confidences (for fold-in, explanations and excluding seen movies), comes
 * from the app's own {@link TrainingData}. The model's {@link AlsConfig} is the one whose fold-in
 * solves Spark's objective: Spark's implicit ALS (Hu, Koren & Volinsky 2008) uses confidence {@code
 * 1 + alpha * |r|} and adds {@code regParam * n} to the diagonal of a row with {@code n} ratings,
 * which is {@code confidence=LINEAR}, {@code scaleRegularization=true} and {@code regularization =
 * regParam} here; rows are solved exactly (Cholesky), hence {@code cgSteps = 0}.
 *
 * <p>Ids are matched, never assumed: exported users without ratings in the app's data and exported
 * movies outside its catalogue are dropped (and counted); users and movies of the app that the
 * export lacks get no factor row, so the model treats them as unknown (a user can still be folded
 * in). A factor line of the wrong length, a rank that disagrees between files, or a row count that
 * disagrees with {@code model.properties} is an {@link IOException} naming the file (and line).
 */
public final class ExternalAlsFactors {

  public static final String PROPERTIES = "model.properties";
  public static final String USER_FACTORS = "user-factors.csv";
  public static final String ITEM_FACTORS = "item-factors.csv";
  static final String FORMAT = "movierec-als-factors";
  static final int FORMAT_VERSION = 1;

  private ExternalAlsFactors() {}

  /**
   * An imported model and how the export's ids met the app's data.
   *
   * @param model the model, rows for the users and movies both sides know
   * @param properties the export's {@code model.properties} (source, trainedAt, ...)
   * @param droppedUsers exported users without ratings in the app's data
   * @param droppedMovies exported movies outside the app's catalogue
   * @param usersWithoutFactors users with ratings in the app but no exported factors
   * @param moviesWithoutFactors movies with ratings in the app but no exported factors
   */
  public record Imported(
      AlsModel model,
      Map<String, String> properties,
      int droppedUsers,
      int droppedMovies,
      int usersWithoutFactors,
      int moviesWithoutFactors) {

    /** One line for the log. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "imported ALS factors (%s): %d users, %d movies, rank %d; dropped %d users and %d movies"
              + " the app does not have; %d users and %d rated movies have no exported factors",
          properties.getOrDefault("source", "unknown source"),
          model.users().size(),
          model.movies().size(),
          model.factors(),
          droppedUsers,
          droppedMovies,
          usersWithoutFactors,
          moviesWithoutFactors);
    }
  }

  /**
   * Reads the export in {@code dir} and builds the model for {@code data}'s users and catalogue.
   *
   * @throws IOException when the folder is not a complete export of a supported format version, or
   *     a file is malformed (the message names the file and, for a bad line, its number)
   */
  public static Imported load(Path dir, TrainingData data) throws IOException {
    Map<String, String> properties = readProperties(dir.resolve(PROPERTIES));
    AlsConfig config = configOf(properties, dir.resolve(PROPERTIES));
    int rank = config.factors();

    IdIndex catalogue = IdIndex.of(data.movieIds());
    IdIndex ratingUsers = IdIndex.of(data.ratingUserIds());
    Factors items =
        Factors.read(
            dir.resolve(ITEM_FACTORS),
            "movieId",
            rank,
            count(properties, "items", dir.resolve(PROPERTIES)),
            catalogue::contains);
    Factors users =
        Factors.read(
            dir.resolve(USER_FACTORS),
            "userId",
            rank,
            count(properties, "users", dir.resolve(PROPERTIES)),
            ratingUsers::contains);
    IdIndex userIndex = IdIndex.of(users.ids);
    IdIndex itemIndex = IdIndex.of(items.ids);

    // each known user's rated movies that have factors, ascending itemRow, as RatingMatrix does
    int[] userIds = data.ratingUserIds();
    int[] movieIds = data.ratingMovieIds();
    float[] ratings = data.ratings();
    int[] userRowOf = new int[ratings.length];
    int[] itemRowOf = new int[ratings.length];
    int[] offsets = new int[userIndex.size() + 1];
    BitSet usersWithout = new BitSet(ratingUsers.size());
    BitSet moviesWithout = new BitSet(catalogue.size());
    for (int k = 0; k < ratings.length; k++) {
      userRowOf[k] = userIndex.rowOf(userIds[k]);
      itemRowOf[k] = itemIndex.rowOf(movieIds[k]);
      if (userRowOf[k] < 0) {
        usersWithout.set(ratingUsers.rowOf(userIds[k]));
      }
      if (itemRowOf[k] < 0) {
        int catalogueRow = catalogue.rowOf(movieIds[k]);
        if (catalogueRow >= 0) {
          moviesWithout.set(catalogueRow);
        }
      }
      if (userRowOf[k] >= 0 && itemRowOf[k] >= 0) {
        offsets[userRowOf[k] + 1]++;
      }
    }
    for (int row = 0; row < userIndex.size(); row++) {
      offsets[row + 1] += offsets[row];
    }
    // packed (itemRow, confidence bits) so that one primitive sort per user orders both
    long[] packed = new long[offsets[userIndex.size()]];
    int[] next = Arrays.copyOf(offsets, userIndex.size());
    for (int k = 0; k < ratings.length; k++) {
      if (userRowOf[k] >= 0 && itemRowOf[k] >= 0) {
        float confidence = config.confidenceOf(ratings[k]);
        packed[next[userRowOf[k]]++] =
            ((long) itemRowOf[k] << 32) | (Float.floatToRawIntBits(confidence) & 0xffffffffL);
      }
    }
    int[] userItemRows = new int[packed.length];
    float[] userConfidences = new float[packed.length];
    for (int row = 0; row < userIndex.size(); row++) {
      Arrays.sort(packed, offsets[row], offsets[row + 1]);
    }
    for (int k = 0; k < packed.length; k++) {
      userItemRows[k] = (int) (packed[k] >>> 32);
      userConfidences[k] = Float.intBitsToFloat((int) packed[k]);
    }
    AlsModel model =
        new AlsModel(
            config,
            userIndex,
            itemIndex,
            users.values,
            items.values,
            offsets,
            userItemRows,
            userConfidences);
    return new Imported(
        model,
        properties,
        users.dropped,
        items.dropped,
        usersWithout.cardinality(),
        moviesWithout.cardinality());
  }

  /**
   * The app's ALS configuration equivalent to an export's Spark settings: {@code factors = rank},
   * {@code regularization = regParam} scaled by each row's rating count, {@code alpha = alpha} with
   * linear confidence, {@code iterations = maxIter}, exact solves.
   */
  static AlsConfig configOf(Map<String, String> properties, Path file) throws IOException {
    String format = required(properties, "format", file);
    if (!format.equals(FORMAT)) {
      throw new IOException(file + ": format is '" + format + "', expected " + FORMAT);
    }
    int version = integer(properties, "formatVersion", file);
    if (version != FORMAT_VERSION) {
      throw new IOException(
          file + ": format version " + version + ", this app reads version " + FORMAT_VERSION);
    }
    if (!"true".equals(required(properties, "implicitPrefs", file))) {
      throw new IOException(
          file + ": implicitPrefs must be true; the app's model is implicit-feedback ALS");
    }
    if (!"false".equals(properties.getOrDefault("nonnegative", "false"))) {
      throw new IOException(
          file
              + ": nonnegative must be false; the app folds users in without that constraint, so"
              + " its vectors would not match the exported ones");
    }
    try {
      return new AlsConfig(
          integer(properties, "rank", file),
          number(properties, "regParam", file),
          true,
          number(properties, "alpha", file),
          AlsConfig.Confidence.LINEAR,
          integer(properties, "maxIter", file),
          0,
          properties.containsKey("seed") ? longValue(properties, "seed", file) : 0);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> readProperties(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new IOException(
          "not a finished ALS factor export: "
              + file
              + " is missing (the Spark job writes it last and moves the folder into place only"
              + " when complete)",
          e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().stream()
        .sorted()
        .forEach(name -> values.put(name, properties.getProperty(name)));
    return Map.copyOf(values);
  }

  private static String required(Map<String, String> properties, String key, Path file)
      throws IOException {
    String value = properties.get(key);
    if (value == null || value.isBlank()) {
      throw new IOException(file + " lacks " + key);
    }
    return value.strip();
  }

  private static int integer(Map<String, String> properties, String key, Path file)
      throws IOException {
    String value = required(properties, key, file);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IOException(file + ": " + key + " must be an integer, got '" + value + "'", e);
    }
  }

  private static long longValue(Map<String, String> properties, String key, Path file)
      throws IOException {
    String value = required(properties, key, file);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IOException(file + ": " + key + " must be an integer, got '" + value + "'", e);
    }
  }

  private static double number(Map<String, String> properties, String key, Path file)
      throws IOException {
    String value = required(properties, key, file);
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IOException(file + ": " + key + " must be a number, got '" + value + "'", e);
    }
  }

  private static int count(Map<String, String> properties, String key, Path file)
      throws IOException {
    int value = integer(properties, key, file);
    if (value < 0) {
      throw new IOException(file + ": " + key + " must be >= 0, got " + value);
    }
    return value;
  }

  /** The kept rows of one factor file, ascending id, values row-major {@code ids.length x rank}. */
  private static final class Factors {
    int[] ids;
    float[] values;
    int dropped;

    /**
     * Reads {@code file}, keeping rows whose id {@code keep} accepts; checks the header, every
     * line's length, the values and the row count.
     */
    static Factors read(Path file, String idColumn, int rank, int expectedRows, IntPredicate keep)
        throws IOException {
      Factors factors = new Factors();
      int capacity = Math.min(expectedRows, 1 << 16);
      int[] ids = new int[capacity];
      float[] values = new float[capacity * rank];
      int kept = 0;
      int rows = 0;
      float[] row = new float[rank];
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String header = reader.readLine();
        if (header == null) {
          throw new IOException(file + " is empty");
        }
        int headerFactors = fieldCount(header) - 1;
        if (!header.startsWith(idColumn + ",") && !header.equals(idColumn)) {
          throw new IOException(
              file + ": header must start with " + idColumn + ", got '" + abbreviate(header) + "'");
        }
        if (headerFactors != rank) {
          throw new IOException(
              file
                  + ": "
                  + headerFactors
                  + " factor columns, but model.properties says rank "
                  + rank);
        }
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
          lineNumber++;
          if (line.isEmpty()) {
            continue;
          }
          int id = parseRow(line, row, file, lineNumber);
          rows++;
          if (!keep.test(id)) {
            factors.dropped++;
            continue;
          }
          if (kept == ids.length) {
            ids = Arrays.copyOf(ids, Math.max(16, kept * 2));
            values = Arrays.copyOf(values, ids.length * rank);
          }
          ids[kept] = id;
          System.arraycopy(row, 0, values, kept * rank, rank);
          kept++;
        }
      } catch (NoSuchFileException e) {
        throw new IOException("ALS factor export is missing " + file, e);
      }
      if (rows != expectedRows) {
        throw new IOException(
            file
                + " has "
                + rows
                + " rows, but model.properties says "
                + expectedRows
                + " (an incomplete copy?)");
      }
      ids = Arrays.copyOf(ids, kept);
      values = Arrays.copyOf(values, kept * rank);
      sortById(ids, values, rank, file);
      factors.ids = ids;
      factors.values = values;
      return factors;
    }

    /** Parses {@code id,f1,...,fk} into {@code row}; returns the id. */
    private static int parseRow(String line, float[] row, Path file, int lineNumber)
        throws IOException {
      int rank = row.length;
      int fields = fieldCount(line);
      if (fields != rank + 1) {
        throw new IOException(
            file
                + ":"
                + lineNumber
                + ": expected an id and "
                + rank
                + " factors, found "
                + fields
                + " fields");
      }
      int start = 0;
      int end = line.indexOf(',');
      int id;
      try {
        id = Integer.parseInt(line, start, end, 10);
        for (int d = 0; d < rank; d++) {
          start = end + 1;
          end = line.indexOf(',', start);
          if (end < 0) {
            end = line.length();
          }
          float value = Float.parseFloat(line.substring(start, end));
          if (!Float.isFinite(value)) {
            throw new IOException(file + ":" + lineNumber + ": factor " + (d + 1) + " is " + value);
          }
          row[d] = value;
        }
      } catch (NumberFormatException e) {
        throw new IOException(
            file + ":" + lineNumber + ": not a number in '" + abbreviate(line) + "'", e);
      }
      return id;
    }

    private static int fieldCount(String line) {
      int fields = 1;
      for (int i = 0; i < line.length(); i++) {
        if (line.charAt(i) == ',') {
          fields++;
        }
      }
      return fields;
    }

    private static String abbreviate(String line) {
      return line.length() <= 60 ? line : line.substring(0, 60) + "...";
    }

    /** Rows into ascending id order (the job writes them so; other writers may not). */
    private static void sortById(int[] ids, float[] values, int rank, Path file)
        throws IOException {
      boolean ascending = true;
      for (int k = 1; k < ids.length && ascending; k++) {
        ascending = ids[k - 1] < ids[k];
      }
      if (!ascending) {
        int[] order =
            IntStream.range(0, ids.length)
                .boxed()
                .sorted(Comparator.comparingInt(k -> ids[k]))
                .mapToInt(Integer::intValue)
                .toArray();
        int[] sortedIds = new int[ids.length];
        float[] sortedValues = new float[values.length];
        for (int k = 0; k < order.length; k++) {
          sortedIds[k] = ids[order[k]];
          System.arraycopy(values, order[k] * rank, sortedValues, k * rank, rank);
        }
        System.arraycopy(sortedIds, 0, ids, 0, ids.length);
        System.arraycopy(sortedValues, 0, values, 0, values.length);
      }
      for (int k = 1; k < ids.length; k++) {
        if (ids[k - 1] == ids[k]) {
          throw new IOException(file + ": id " + ids[k] + " appears more than once");
        }
      }
    }
  }
}

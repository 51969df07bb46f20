package app.movierec.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a fitted model in the folder format the app imports (format version 1):
 *
 * <pre>
 * model.properties   format, formatVersion, rank, regParam, alpha, maxIter, seed, implicitPrefs,
 *                    nonnegative, ratings, users, items, source, sparkVersion, trainedAt, ...
 * user-factors.csv   header userId,f1,...,fk; then one line per user: id and its k factors
 * item-factors.csv   header movieId,f1,...,fk; then one line per movie
 * </pre>
 *
 * Lines are sorted by id; factors are written with {@link Float#toString}, which reads back to the
 * same float bits. Everything is written by the driver into a hidden sibling folder {@code
 * .NAME.tmp-UUID} that is renamed to the target only when complete ({@code model.properties} last),
 * so readers never see a half-written export; on stores without atomic renames (S3) a folder
 * without {@code model.properties} is incomplete. Works on any Hadoop file system; on local disks
 * without Hadoop's {@code .crc} side files.
 */
final class FactorExport {

  static final String FORMAT = "movierec-als-factors";
  static final int FORMAT_VERSION = 1;
  static final String PROPERTIES = "model.properties";
  static final String USER_FACTORS = "user-factors.csv";
  static final String ITEM_FACTORS = "item-factors.csv";

  /** Rows written per factor file. */
  record Written(long users, long items) {}

  private final FileSystem fileSystem;
  private final Path target;
  private final boolean overwrite;

  private FactorExport(FileSystem fileSystem, Path target, boolean overwrite) {
    this.fileSystem = fileSystem;
    this.target = target;
    this.overwrite = overwrite;
  }

  /**
   * An export to {@code folder}; checks at once (before any training) that it does not exist yet,
   * unless {@code overwrite}.
   */
  static FactorExport to(String folder, Configuration hadoop, boolean overwrite)
      throws IOException {
    Path path = new Path(folder);
    FileSystem fileSystem = path.getFileSystem(hadoop);
    if (fileSystem instanceof LocalFileSystem local) {
      fileSystem = local.getRawFileSystem();
    }
    Path target = fileSystem.makeQualified(path);
    if (target.getParent() == null) {
      throw new JobException("--out must name a folder below some parent, got " + folder);
    }
    if (fileSystem.exists(target) && !overwrite) {
      throw new JobException("--out " + target + " already exists; pass --overwrite to replace it");
    }
    return new FactorExport(fileSystem, target, overwrite);
  }

  Path target() {
    return target;
  }

  /** Writes both factor files and then {@code properties} (in their order) into the target. */
  Written write(ALSModel model, Map<String, String> properties) throws IOException {
    Path parent = target.getParent();
    fileSystem.mkdirs(parent);
    Path temporary = new Path(parent, "." + target.getName() + ".tmp-" + UUID.randomUUID());
    Written written;
    try {
      fileSystem.mkdirs(temporary);
      long users =
          writeFactors(
              model.userFactors(), new Path(temporary, USER_FACTORS), "userId", model.rank());
      long items =
          writeFactors(
              model.itemFactors(), new Path(temporary, ITEM_FACTORS), "movieId", model.rank());
      written = new Written(users, items);
      try (Writer out = writer(new Path(temporary, PROPERTIES))) {
        out.write("# ALS factors for the movie recommender, written by the Spark job\n");
        for (Map.Entry<String, String> entry : properties.entrySet()) {
          out.write(entry.getKey() + "=" + escape(entry.getValue()) + "\n");
        }
        out.write("users=" + users + "\n");
        out.write("items=" + items + "\n");
      }
    } catch (IOException | RuntimeException e) {
      fileSystem.delete(temporary, true);
      throw e;
    }
    moveIntoPlace(temporary);
    return written;
  }

  private void moveIntoPlace(Path temporary) throws IOException {
    if (!fileSystem.exists(target)) {
      rename(temporary, target);
      return;
    }
    if (!overwrite) {
      fileSystem.delete(temporary, true);
      throw new JobException(
          target + " appeared while the job ran; pass --overwrite to replace it");
    }
    // a folder cannot be replaced in one rename: move the old one aside, the new one in, then
    // drop the old one (a reader in between finds no folder and keeps the model it has)
    Path old = new Path(target.getParent(), "." + target.getName() + ".old-" + UUID.randomUUID());
    rename(target, old);
    try {
      rename(temporary, target);
    } catch (IOException e) {
      rename(old, target);
      fileSystem.delete(temporary, true);
      throw e;
    }
    fileSystem.delete(old, true);
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fileSystem.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }

  private long writeFactors(Dataset<Row> factors, Path file, String idColumn, int rank)
      throws IOException {
    long rows = 0;
    try (Writer out = writer(file)) {
      StringBuilder line = new StringBuilder(idColumn);
      for (int d = 1; d <= rank; d++) {
        line.append(",f").append(d);
      }
      out.write(line.append('\n').toString());
      // sorted by a range shuffle, then fetched one partition at a time: the driver never holds
      // more than a partition
      Iterator<Row> iterator = factors.orderBy("id").toLocalIterator();
      while (iterator.hasNext()) {
        Row row = iterator.next();
        List<Object> values = row.getList(1);
        if (values.size() != rank) {
          throw new IllegalStateException(
              "Spark returned "
                  + values.size()
                  + " factors for id "
                  + row.getInt(0)
                  + ", not "
                  + rank);
        }
        line.setLength(0);
        line.append(row.getInt(0));
        for (Object value : values) {
          line.append(',').append(((Number) value).floatValue());
        }
        out.write(line.append('\n').toString());
        rows++;
      }
    }
    return rows;
  }

  private Writer writer(Path file) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(fileSystem.create(file, false), StandardCharsets.UTF_8), 1 << 16);
  }

  /**
   * A value in {@code java.util.Properties} syntax: backslashes, line breaks and non-ASCII escaped.
   */
  static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        case '\f' -> escaped.append("\\f");
        case ' ' -> escaped.append(i == 0 ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}

package app.movierec.recommend.als;

import app.movierec.common.IdIndex;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves and loads an {@link AlsModel} in a small versioned binary format (big-endian {@code
 * DataOutputStream}): a header with a caller-chosen key (e.g. data fingerprint + {@link
 * AlsConfig#cacheKey()}), the config, both id indexes, both factor matrices bit for bit, and the
 * users' rated movies with confidences. Writes go to a temporary file first and are moved into
 * place, so a crash never leaves a half-written model behind.
 */
public final class AlsModelFiles {

  private static final int MAGIC = 0x414c5331; // "ALS1"
  private static final int VERSION = 2;

  private AlsModelFiles() {}

  public static void save(AlsModel model, String key, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(key);
      AlsConfig config = model.config();
      out.writeInt(config.factors());
      out.writeDouble(config.regularization());
      out.writeBoolean(config.scaleRegularization());
      out.writeDouble(config.alpha());
      out.writeUTF(config.confidence().name());
      out.writeInt(config.iterations());
      out.writeInt(config.cgSteps());
      out.writeLong(config.seed());
      writeInts(out, model.users().ids());
      writeInts(out, model.movies().ids());
      writeFloats(out, model.userFactorMatrix());
      writeFloats(out, model.itemFactorMatrix());
      writeInts(out, model.userOffsets());
      writeInts(out, model.userItemRows());
      writeFloats(out, model.userConfidences());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The key stored in a model file, without reading the rest; throws for files that are not ALS
   * models.
   */
  public static String readKey(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      return header(in, file);
    }
  }

  public static AlsModel load(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      header(in, file);
      AlsConfig config =
          new AlsConfig(
              in.readInt(),
              in.readDouble(),
              in.readBoolean(),
              in.readDouble(),
              AlsConfig.Confidence.valueOf(in.readUTF()),
              in.readInt(),
              in.readInt(),
              in.readLong());
      IdIndex users = IdIndex.of(readInts(in));
      IdIndex items = IdIndex.of(readInts(in));
      float[] userFactors = readFloats(in);
      float[] itemFactors = readFloats(in);
      int[] offsets = readInts(in);
      int[] itemRows = readInts(in);
      float[] confidences = readFloats(in);
      return new AlsModel(
          config, users, items, userFactors, itemFactors, offsets, itemRows, confidences);
    } catch (EOFException e) {
      throw new IOException("truncated ALS model file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt ALS model file " + file + ": " + e.getMessage(), e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
  }

  private static String header(DataInputStream in, Path file) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not an ALS model file: " + file);
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException(
          "ALS model file " + file + " has format version " + version + ", expected " + VERSION);
    }
    return in.readUTF();
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int value : values) {
      out.writeInt(value);
    }
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    for (float value : values) {
      out.writeInt(Float.floatToRawIntBits(value));
    }
  }

  private static int[] readInts(DataInputStream in) throws IOException {
    int[] values = new int[checkedLength(in.readInt())];
    for (int k = 0; k < values.length; k++) {
      values[k] = in.readInt();
    }
    return values;
  }

  private static float[] readFloats(DataInputStream in) throws IOException {
    float[] values = new float[checkedLength(in.readInt())];
    for (int k = 0; k < values.length; k++) {
      values[k] = Float.intBitsToFloat(in.readInt());
    }
    return values;
  }

  private static int checkedLength(int length) throws IOException {
    if (length < 0) {
      throw new IOException("negative array length in ALS model file");
    }
    return length;
  }
}

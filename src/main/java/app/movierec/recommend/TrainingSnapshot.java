package app.movierec.recommend;

import app.movierec.common.GenomeMatrix;
import app.movierec.common.MovieTags;
import app.movierec.common.TrainingData;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TrainingData} in a compact binary file, so that a start whose data has not changed reads
 * one file instead of 25 million rating rows from the database. Ratings are stored as runs of one
 * user (userId and length: ML-25M's 25M userIds become 162k runs), movieIds, and half stars in one
 * byte each (floats when a rating is not a whole number of half stars); genres and tags as a
 * vocabulary and ids; the genome as its matrix. The order of the ratings is kept exactly, so a
 * model trained from a snapshot is the model trained from the database. About 5 bytes per rating
 * plus the genome: 190 MB for ML-25M, read in a second or two.
 *
 * <p>Files are written to a temporary name and moved into place; a file that is truncated, from
 * another version, or of other data ({@link #readFingerprint}) is not used.
 */
final class TrainingSnapshot {

  private static final int MAGIC = 0x4D525444; // "MRTD"
  private static final int VERSION = 1;
  private static final int END = 0x454E4421; // "END!"
  private static final int BUFFER = 1 << 20;

  private TrainingSnapshot() {}

  static void write(TrainingData data, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (Out out =
        new Out(
            FileChannel.open(
                temporary,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE))) {
      out.putInt(MAGIC);
      out.putInt(VERSION);
      out.putString(data.fingerprint());

      int[] movieIds = data.movieIds();
      out.putInts(movieIds);
      // genres: a vocabulary of genre names and each movie's run of ids
      Map<String, Integer> genreIds = new HashMap<>();
      List<String> genreNames = new ArrayList<>();
      int[] genreOffsets = new int[movieIds.length + 1];
      int genreCount = 0;
      for (int i = 0; i < movieIds.length; i++) {
        genreCount += data.genres().get(i).size();
        genreOffsets[i + 1] = genreCount;
      }
      int[] genreRuns = new int[genreCount];
      int next = 0;
      for (List<String> genres : data.genres()) {
        for (String genre : genres) {
          Integer id = genreIds.get(genre);
          if (id == null) {
            id = genreNames.size();
            genreIds.put(genre, id);
            genreNames.add(genre);
          }
          genreRuns[next++] = id;
        }
      }
      out.putStrings(genreNames);
      out.putInts(genreOffsets);
      out.putInts(genreRuns);

      MovieTags tags = data.userTags();
      out.putStrings(List.of(tags.vocabulary()));
      out.putInts(tags.movieIds());
      out.putInts(tags.offsets());
      out.putInts(tags.tagIds());

      GenomeMatrix genome = data.genome();
      out.putInt(genome.dimension());
      out.putInts(genome.movieIds());
      out.putFloats(genome.relevance());
      out.putStrings(data.genomeTagNames());

      int[] userIds = data.ratingUserIds();
      int runs = 0;
      for (int k = 0; k < userIds.length; k++) {
        if (k == 0 || userIds[k] != userIds[k - 1]) {
          runs++;
        }
      }
      int[] runUsers = new int[runs];
      int[] runLengths = new int[runs];
      int run = -1;
      for (int k = 0; k < userIds.length; k++) {
        if (k == 0 || userIds[k] != userIds[k - 1]) {
          runUsers[++run] = userIds[k];
        }
        runLengths[run]++;
      }
      out.putInts(runUsers);
      out.putInts(runLengths);
      out.putInts(data.ratingMovieIds());
      float[] ratings = data.ratings();
      boolean halfStars = true;
      for (float rating : ratings) {
        float halves = rating * 2;
        if (!(halves >= 0 && halves <= 127 && halves == Math.rint(halves))) {
          halfStars = false;
          break;
        }
      }
      out.putInt(halfStars ? 1 : 0);
      if (halfStars) {
        out.putHalfStars(ratings);
      } else {
        out.putFloats(ratings);
      }
      out.putInt(END);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The fingerprint of the data in the file (reads only the header). */
  static String readFingerprint(Path file) throws IOException {
    try (In in = new In(FileChannel.open(file, StandardOpenOption.READ))) {
      in.header();
      return in.getString();
    }
  }

  /**
   * @throws IOException when the file is unreadable, truncated or of another format version
   */
  static TrainingData read(Path file) throws IOException {
    try (In in = new In(FileChannel.open(file, StandardOpenOption.READ))) {
      in.header();
      String fingerprint = in.getString();
      int[] movieIds = in.getInts();
      List<String> genreNames = in.getStrings();
      int[] genreOffsets = in.getInts();
      int[] genreRuns = in.getInts();
      if (genreOffsets.length != movieIds.length + 1) {
        throw new IOException("the genres do not match the movies");
      }
      Map<List<Integer>, List<String>> distinct = new HashMap<>();
      List<List<String>> genres = new ArrayList<>(movieIds.length);
      for (int i = 0; i < movieIds.length; i++) {
        List<Integer> key = new ArrayList<>();
        for (int k = genreOffsets[i]; k < genreOffsets[i + 1]; k++) {
          key.add(genreRuns[k]);
        }
        genres.add(
            distinct.computeIfAbsent(key, ids -> ids.stream().map(genreNames::get).toList()));
      }
      String[] vocabulary = in.getStrings().toArray(String[]::new);
      MovieTags tags = new MovieTags(in.getInts(), in.getInts(), in.getInts(), vocabulary);
      int dimension = in.getInt();
      GenomeMatrix genome = new GenomeMatrix(in.getInts(), dimension, in.getFloats());
      List<String> genomeTagNames = in.getStrings();

      int[] runUsers = in.getInts();
      int[] runLengths = in.getInts();
      int[] ratingMovieIds = in.getInts();
      int[] ratingUserIds = new int[ratingMovieIds.length];
      int k = 0;
      for (int run = 0; run < runUsers.length; run++) {
        if (runLengths[run] < 0 || k + runLengths[run] > ratingUserIds.length) {
          throw new IOException("the rating runs do not match the ratings");
        }
        java.util.Arrays.fill(ratingUserIds, k, k + runLengths[run], runUsers[run]);
        k += runLengths[run];
      }
      if (k != ratingUserIds.length) {
        throw new IOException("the rating runs do not match the ratings");
      }
      float[] ratings = in.getInt() == 1 ? in.getHalfStars(ratingMovieIds.length) : in.getFloats();
      if (ratings.length != ratingMovieIds.length || in.getInt() != END) {
        throw new IOException("the file is truncated or damaged");
      }
      try {
        return new TrainingData(
            fingerprint,
            movieIds,
            genres,
            tags,
            genome,
            ratingUserIds,
            ratingMovieIds,
            ratings,
            genomeTagNames);
      } catch (IllegalArgumentException e) {
        throw new IOException("inconsistent snapshot: " + e.getMessage(), e);
      }
    }
  }

  /** Little-endian primitives through one direct buffer; arrays are length-prefixed. */
  private static final class Out implements AutoCloseable {
    private final FileChannel channel;
    private final ByteBuffer buffer =
        ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);

    Out(FileChannel channel) {
      this.channel = channel;
    }

    private void room(int bytes) throws IOException {
      if (buffer.remaining() < bytes) {
        flush();
      }
    }

    private void flush() throws IOException {
      buffer.flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      buffer.clear();
    }

    void putInt(int value) throws IOException {
      room(4);
      buffer.putInt(value);
    }

    void putString(String value) throws IOException {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      putInt(bytes.length);
      for (int offset = 0; offset < bytes.length; ) {
        room(1);
        int n = Math.min(buffer.remaining(), bytes.length - offset);
        buffer.put(bytes, offset, n);
        offset += n;
      }
    }

    void putStrings(List<String> values) throws IOException {
      putInt(values.size());
      for (String value : values) {
        putString(value);
      }
    }

    void putInts(int[] values) throws IOException {
      putInt(values.length);
      for (int offset = 0; offset < values.length; ) {
        room(4);
        int n = Math.min(buffer.remaining() / 4, values.length - offset);
        buffer.asIntBuffer().put(values, offset, n);
        buffer.position(buffer.position() + n * 4);
        offset += n;
      }
    }

    void putFloats(float[] values) throws IOException {
      putInt(values.length);
      for (int offset = 0; offset < values.length; ) {
        room(4);
        int n = Math.min(buffer.remaining() / 4, values.length - offset);
        buffer.asFloatBuffer().put(values, offset, n);
        buffer.position(buffer.position() + n * 4);
        offset += n;
      }
    }

    void putHalfStars(float[] values) throws IOException {
      for (float value : values) {
        room(1);
        buffer.put((byte) Math.round(value * 2));
      }
    }

    @Override
    public void close() throws IOException {
      try {
        flush();
        channel.force(false);
      } finally {
        channel.close();
      }
    }
  }

  private static final class In implements AutoCloseable {
    private final FileChannel channel;
    private final ByteBuffer buffer =
        ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);

    In(FileChannel channel) {
      this.channel = channel;
      buffer.limit(0);
    }

    void header() throws IOException {
      if (getInt() != MAGIC) {
        throw new IOException("not a training-data snapshot");
      }
      int version = getInt();
      if (version != VERSION) {
        throw new IOException("snapshot version " + version + ", expected " + VERSION);
      }
    }

    private void need(int bytes) throws IOException {
      if (buffer.remaining() >= bytes) {
        return;
      }
      buffer.compact();
      while (buffer.position() < bytes) {
        if (channel.read(buffer) < 0) {
          throw new EOFException("the snapshot is truncated");
        }
      }
      buffer.flip();
    }

    int getInt() throws IOException {
      need(4);
      return buffer.getInt();
    }

    private int getLength() throws IOException {
      int length = getInt();
      if (length < 0 || length > channel.size()) {
        throw new IOException("the snapshot is damaged (length " + length + ")");
      }
      return length;
    }

    String getString() throws IOException {
      byte[] bytes = new byte[getLength()];
      for (int offset = 0; offset < bytes.length; ) {
        need(1);
        int n = Math.min(buffer.remaining(), bytes.length - offset);
        buffer.get(bytes, offset, n);
        offset += n;
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }

    List<String> getStrings() throws IOException {
      int count = getLength();
      List<String> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(getString());
      }
      return List.copyOf(values);
    }

    int[] getInts() throws IOException {
      int[] values = new int[getLength()];
      for (int offset = 0; offset < values.length; ) {
        need(4);
        int n = Math.min(buffer.remaining() / 4, values.length - offset);
        buffer.asIntBuffer().get(values, offset, n);
        buffer.position(buffer.position() + n * 4);
        offset += n;
      }
      return values;
    }

    float[] getFloats() throws IOException {
      float[] values = new float[getLength()];
      for (int offset = 0; offset < values.length; ) {
        need(4);
        int n = Math.min(buffer.remaining() / 4, values.length - offset);
        buffer.asFloatBuffer().get(values, offset, n);
        buffer.position(buffer.position() + n * 4);
        offset += n;
      }
      return values;
    }

    float[] getHalfStars(int count) throws IOException {
      float[] values = new float[count];
      for (int i = 0; i < count; i++) {
        need(1);
        values[i] = buffer.get() * 0.5f;
      }
      return values;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}

package app.movierec.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A movie's tag-genome vector: the relevance (0..1) of every genome tag, in ascending tagId order.
 * Stored as one row of packed little-endian float32 per movie (1,128 tags = 4.5 KB) so that one
 * movie's vector loads with one primary-key read, instead of 1,128 rows of genome-scores.csv.
 */
@Entity
@Table(name = "genome_vector")
public class GenomeVector {

  @Id
  @Column(name = "movie_id")
  private int movieId;

  @Column(name = "relevance", nullable = false, length = 65536)
  private byte[] packedRelevance;

  protected GenomeVector() {}

  public GenomeVector(int movieId, float[] relevance) {
    this.movieId = movieId;
    this.packedRelevance = pack(relevance);
  }

  public int getMovieId() {
    return movieId;
  }

  /** The relevance of each genome tag, index i = the i-th tag in ascending tagId order. */
  public float[] relevance() {
    return unpack(packedRelevance);
  }

  public static byte[] pack(float[] values) {
    ByteBuffer buffer =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  public static float[] unpack(byte[] bytes) {
    float[] values = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}

package app.movierec.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A free-text tag a user put on a movie (MovieLens' tags.csv). */
@Entity
@Table(name = "user_tag")
public class UserTag {

  /** The tag column's length, which the import checks row by row. */
  public static final int TAG_LENGTH = 1024;

  /**
   * Assigned by the importer (the row's position), so inserts batch without a sequence round-trip.
   */
  @Id private long id;

  @Column(name = "user_id", nullable = false)
  private int userId;

  @Column(name = "movie_id", nullable = false)
  private int movieId;

  @Column(nullable = false, length = TAG_LENGTH)
  private String tag;

  @Column(name = "tagged_at", nullable = false)
  private long taggedAt;

  protected UserTag() {}

  public UserTag(long id, int userId, int movieId, String tag, long taggedAt) {
    this.id = id;
    this.userId = userId;
    this.movieId = movieId;
    this.tag = tag;
    this.taggedAt = taggedAt;
  }

  public int getUserId() {
    return userId;
  }

  public int getMovieId() {
    return movieId;
  }

  public String getTag() {
    return tag;
  }

  public long getTaggedAt() {
    return taggedAt;
  }
}

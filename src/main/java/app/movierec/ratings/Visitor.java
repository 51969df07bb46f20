package app.movierec.ratings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A user who came without a MovieLens id, in table {@code visitor}. Ids come from the sequence
 * {@code visitor_seq}, which starts at {@link #FIRST_ID} (one billion): MovieLens userIds stay
 * below one million, so the two never clash, and visitor ids still fit the {@code int} the models
 * use (up to 2,147,483,647).
 */
@Entity
@Table(name = "visitor")
public class Visitor {

  public static final int FIRST_ID = 1_000_000_000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "visitor_seq")
  @SequenceGenerator(
      name = "visitor_seq",
      sequenceName = "visitor_seq",
      initialValue = FIRST_ID,
      allocationSize = 1)
  @Column(name = "user_id")
  private Integer userId;

  /** Seconds since the epoch. */
  @Column(name = "created_at", nullable = false)
  private long createdAt;

  protected Visitor() {}

  Visitor(long createdAt) {
    this.createdAt = createdAt;
  }

  public int getUserId() {
    return userId;
  }

  public long getCreatedAt() {
    return createdAt;
  }
}

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
 *
 * <p>A visitor owns their ratings through a secret token ({@link VisitorToken}) handed out once at
 * creation; only its SHA-256 is stored ({@code token_hash}). Visitors created before tokens existed
 * have none and can no longer be written to (except by the operator).
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

  /** SHA-256 of the visitor's token, hex; null for visitors created before tokens existed. */
  @Column(name = "token_hash", length = 64, unique = true)
  private String tokenHash;

  protected Visitor() {}

  Visitor(long createdAt, String tokenHash) {
    this.createdAt = createdAt;
    this.tokenHash = tokenHash;
  }

  /** Whether {@code userId} is in the visitors' range (MovieLens users are below it). */
  public static boolean isVisitorId(int userId) {
    return userId >= FIRST_ID;
  }

  public int getUserId() {
    return userId;
  }

  public long getCreatedAt() {
    return createdAt;
  }
}

package app.movierec.tmdb;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * TMDB's final answer about one movie's poster, so each movie is asked for once across restarts.
 * Only final answers are stored (a poster path, or "none" after a 404 or a missing {@code
 * poster_path}); transient failures are not.
 */
@Entity
@Table(name = "tmdb_poster")
class TmdbPoster {

  enum Status {
    FOUND,
    NONE
  }

  @Id
  @Column(name = "tmdb_id")
  private Long tmdbId;

  @Column(name = "poster_path", length = 255)
  private String posterPath;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", length = 8, nullable = false)
  private Status status;

  @Column(name = "fetched_at", nullable = false)
  private Instant fetchedAt;

  protected TmdbPoster() {}

  private TmdbPoster(long tmdbId, String posterPath, Status status, Instant fetchedAt) {
    this.tmdbId = tmdbId;
    this.posterPath = posterPath;
    this.status = status;
    this.fetchedAt = fetchedAt;
  }

  static TmdbPoster found(long tmdbId, String posterPath, Instant fetchedAt) {
    return new TmdbPoster(tmdbId, posterPath, Status.FOUND, fetchedAt);
  }

  static TmdbPoster none(long tmdbId, Instant fetchedAt) {
    return new TmdbPoster(tmdbId, null, Status.NONE, fetchedAt);
  }

  Long getTmdbId() {
    return tmdbId;
  }

  String getPosterPath() {
    return posterPath;
  }

  Status getStatus() {
    return status;
  }

  Instant getFetchedAt() {
    return fetchedAt;
  }
}

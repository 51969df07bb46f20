package app.movierec.catalog.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The dataset the database holds: which one, the fingerprint of the files and settings it was
 * imported from, and its row counts. There is one row (id 1); a start whose files have the same
 * fingerprint skips the import.
 */
@Entity
@Table(name = "dataset_import")
public class DatasetImport {

  static final int SINGLETON_ID = 1;

  @Id private int id = SINGLETON_ID;

  @Column(nullable = false)
  private String dataset;

  @Column(nullable = false, length = 64)
  private String fingerprint;

  @Column(name = "source_dir", nullable = false, length = 1024)
  private String sourceDir;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  @Column(name = "duration_ms", nullable = false)
  private long durationMs;

  private long movies;
  private long links;
  private long ratings;
  private long users;
  private long tags;

  @Column(name = "genome_tags")
  private long genomeTags;

  @Column(name = "genome_movies")
  private long genomeMovies;

  @Column(name = "skipped_rows")
  private long skippedRows;

  protected DatasetImport() {}

  DatasetImport(String dataset, String fingerprint, String sourceDir, ImportSummary summary) {
    this.dataset = dataset;
    this.fingerprint = fingerprint;
    this.sourceDir = sourceDir;
    this.importedAt = Instant.now();
    this.durationMs = summary.elapsed().toMillis();
    this.movies = summary.movies();
    this.links = summary.links();
    this.ratings = summary.ratings();
    this.users = summary.users();
    this.tags = summary.tags();
    this.genomeTags = summary.genomeTags();
    this.genomeMovies = summary.genomeMovies();
    this.skippedRows = summary.skipped().count();
  }

  public String getDataset() {
    return dataset;
  }

  public String getFingerprint() {
    return fingerprint;
  }

  public String getSourceDir() {
    return sourceDir;
  }

  public Instant getImportedAt() {
    return importedAt;
  }

  public long getDurationMs() {
    return durationMs;
  }

  public long getMovies() {
    return movies;
  }

  public long getLinks() {
    return links;
  }

  public long getRatings() {
    return ratings;
  }

  public long getUsers() {
    return users;
  }

  public long getTags() {
    return tags;
  }

  public long getGenomeTags() {
    return genomeTags;
  }

  public long getGenomeMovies() {
    return genomeMovies;
  }

  public long getSkippedRows() {
    return skippedRows;
  }
}

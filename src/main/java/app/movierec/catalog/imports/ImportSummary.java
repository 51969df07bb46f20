package app.movierec.catalog.imports;

import java.time.Duration;

/** What an import read: row counts of each kind, the rows it skipped, and how long it took. */
public record ImportSummary(
    long movies,
    long links,
    long ratings,
    long users,
    long tags,
    long genomeTags,
    long genomeMovies,
    SkippedRows skipped,
    Duration elapsed) {

  public ImportSummary withElapsed(Duration elapsed) {
    return new ImportSummary(
        movies, links, ratings, users, tags, genomeTags, genomeMovies, skipped, elapsed);
  }

  @Override
  public String toString() {
    return String.format(
        "%,d movies, %,d links, %,d ratings by %,d users, %,d tags, genome: %,d tags x %,d movies",
        movies, links, ratings, users, tags, genomeTags, genomeMovies);
  }
}

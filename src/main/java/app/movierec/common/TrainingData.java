package app.movierec.common;

import java.util.List;
import java.util.Objects;

/**
 * Everything the models train on, as plain arrays so that it can come from H2 (the app) or straight
 * from a MovieLens folder (the batch commands) without either side knowing the other. MovieLens ids
 * fit in an {@code int}; the rating arrays are parallel and hold one entry per (user, movie) pair.
 *
 * @param fingerprint identifies the data (changes when the imported files change); saved models are
 *     keyed by it
 * @param movieIds the whole catalogue, ascending; a movie may have no ratings
 * @param genres genres of {@code movieIds[i]} at index {@code i} (empty list for "(no genres
 *     listed)")
 * @param userTags free-text tags users gave, by movieId ({@link MovieTags#of}: empty when a movie
 *     has none)
 * @param genome tag-genome relevance vectors ({@link GenomeMatrix#rowOf}: -1 for movies outside the
 *     genome)
 * @param ratingUserIds userId of each rating
 * @param ratingMovieIds movieId of each rating
 * @param ratings the star rating, 0.5 to 5.0
 * @param genomeTagNames names of the genome tags, parallel to the genome vectors (index {@code
 *     tagId - 1}); empty when unknown
 */
public record TrainingData(
    String fingerprint,
    int[] movieIds,
    List<List<String>> genres,
    MovieTags userTags,
    GenomeMatrix genome,
    int[] ratingUserIds,
    int[] ratingMovieIds,
    float[] ratings,
    List<String> genomeTagNames) {

  public TrainingData {
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (genres.size() != movieIds.length) {
      throw new IllegalArgumentException("genres must be parallel to movieIds");
    }
    if (ratingUserIds.length != ratingMovieIds.length || ratingUserIds.length != ratings.length) {
      throw new IllegalArgumentException("rating arrays must have the same length");
    }
    Objects.requireNonNull(userTags, "userTags");
    Objects.requireNonNull(genome, "genome");
    genomeTagNames = genomeTagNames == null ? List.of() : List.copyOf(genomeTagNames);
  }

  /**
   * The same data with other ratings (for train/test splits); catalogue, tags and genome are
   * shared.
   */
  public TrainingData withRatings(
      String newFingerprint, int[] newRatingUserIds, int[] newRatingMovieIds, float[] newRatings) {
    return new TrainingData(
        newFingerprint,
        movieIds,
        genres,
        userTags,
        genome,
        newRatingUserIds,
        newRatingMovieIds,
        newRatings,
        genomeTagNames);
  }

  public int ratingCount() {
    return ratings.length;
  }
}

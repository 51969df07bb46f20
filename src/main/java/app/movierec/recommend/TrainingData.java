package app.movierec.recommend;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the models train on, as plain arrays so that it can come from H2 (the app) or straight from a MovieLens
 * folder (the batch commands) without either side knowing the other. MovieLens ids fit in an {@code int}; the rating
 * arrays are parallel and hold one entry per (user, movie) pair.
 *
 * @param fingerprint identifies the data (changes when the imported files change); saved models are keyed by it
 * @param movieIds the whole catalogue, ascending; a movie may have no ratings
 * @param genres genres of {@code movieIds[i]} at index {@code i} (empty list for "(no genres listed)")
 * @param userTags free-text tags users gave, by movieId (absent when a movie has none)
 * @param genome tag-genome relevance vectors by movieId (absent for movies outside the genome); all the same length
 * @param ratingUserIds userId of each rating
 * @param ratingMovieIds movieId of each rating
 * @param ratings the star rating, 0.5 to 5.0
 */
public record TrainingData(
    String fingerprint,
    int[] movieIds,
    List<List<String>> genres,
    Map<Integer, List<String>> userTags,
    Map<Integer, float[]> genome,
    int[] ratingUserIds,
    int[] ratingMovieIds,
    float[] ratings) {

  public TrainingData {
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (genres.size() != movieIds.length) {
      throw new IllegalArgumentException("genres must be parallel to movieIds");
    }
    if (ratingUserIds.length != ratingMovieIds.length || ratingUserIds.length != ratings.length) {
      throw new IllegalArgumentException("rating arrays must have the same length");
    }
  }

  public int ratingCount() {
    return ratings.length;
  }
}

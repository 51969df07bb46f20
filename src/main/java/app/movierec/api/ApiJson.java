package app.movierec.api;

import java.util.List;

/**
 * The API's request and response bodies. Scores are null where a part does not apply (never NaN in
 * JSON).
 */
final class ApiJson {

  private ApiJson() {}

  /** A movie of the catalogue; tmdbId and imdbId are null where MovieLens has none. */
  record MovieJson(
      int movieId,
      String title,
      Integer year,
      List<String> genres,
      Integer tmdbId,
      Integer imdbId) {}

  /**
   * A movie with its nearest neighbours in content and in ALS factor space (empty while the model
   * trains).
   */
  record MovieDetailsJson(
      int movieId,
      String title,
      Integer year,
      List<String> genres,
      Integer tmdbId,
      Integer imdbId,
      List<RecommendedMovieJson> similarByContent,
      List<RecommendedMovieJson> similarByAls) {}

  /** One recommended (or similar) movie: the ranking score and its ALS and content parts. */
  record RecommendedMovieJson(
      int movieId,
      String title,
      Integer year,
      List<String> genres,
      Integer tmdbId,
      Double score,
      Double alsScore,
      Double contentScore) {}

  /**
   * A rating sent by a client; both fields are required, and no others are accepted ({@link
   * StrictRequestBodies}).
   */
  record RatingRequest(Integer movieId, Double rating) {}

  /** A stored rating. {@code ratedAt} is seconds since the epoch. */
  record RatingJson(long userId, int movieId, double rating, long ratedAt) {}

  /**
   * A created visitor with their secret token (only in this answer; send it as {@code
   * Authorization: Bearer <token>} to write their ratings).
   */
  record UserJson(int userId, String token) {

    @Override
    public String toString() {
      return "UserJson[userId=" + userId + ", token=(secret)]";
    }
  }
}

package app.movierec.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The API's request and response bodies. Scores are null where a part does not apply (never NaN in
 * JSON).
 */
final class ApiJson {

  private ApiJson() {}

  /**
   * A movie of the catalogue; tmdbId and imdbId are null where MovieLens has none, contentKind
   * while the model trains.
   */
  record MovieJson(
      int movieId,
      @Schema(
              description = "The title as people write it (\"The Matrix\"), without the year",
              example = "The Matrix")
          String title,
      @Schema(description = "Other titles: a.k.a. and original-language titles")
          List<String> alsoKnownAs,
      @Schema(
              description = "The title as MovieLens files it (\"Matrix, The\"), without the year",
              example = "Matrix, The")
          String movieLensTitle,
      Integer year,
      List<String> genres,
      Integer tmdbId,
      @Schema(description = "IMDb's title id", example = "tt0133093") String imdbId,
      @Schema(
              description =
                  "What the content model compares for this movie: its tag genome, or its genres"
                      + " and users' tags; null while the model trains",
              allowableValues = {ContentKinds.GENOME, ContentKinds.GENRES_AND_TAGS},
              nullable = true)
          String contentKind) {}

  /**
   * A movie with its nearest neighbours in content and in ALS factor space (empty while the model
   * trains).
   */
  record MovieDetailsJson(
      int movieId,
      String title,
      List<String> alsoKnownAs,
      String movieLensTitle,
      Integer year,
      List<String> genres,
      Integer tmdbId,
      @Schema(example = "tt0133093") String imdbId,
      @Schema(
              allowableValues = {ContentKinds.GENOME, ContentKinds.GENRES_AND_TAGS},
              nullable = true)
          String contentKind,
      List<RecommendedMovieJson> similarByContent,
      List<RecommendedMovieJson> similarByAls) {}

  /** One recommended (or similar) movie: the ranking score and its ALS and content parts. */
  record RecommendedMovieJson(
      int movieId,
      String title,
      List<String> alsoKnownAs,
      Integer year,
      List<String> genres,
      Integer tmdbId,
      @Schema(example = "tt0133093") String imdbId,
      @Schema(
              allowableValues = {ContentKinds.GENOME, ContentKinds.GENRES_AND_TAGS},
              nullable = true)
          String contentKind,
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

  /** The values of {@code contentKind}. */
  static final class ContentKinds {
    static final String GENOME = "genome";
    static final String GENRES_AND_TAGS = "genres-and-tags";

    private ContentKinds() {}
  }
}

package app.movierec.ui.components;

import app.movierec.common.ScoredMovie;
import app.movierec.tmdb.MovieRef;
import java.util.Objects;

/**
 * What a {@link MovieCard} shows: the movie, its IMDb id (as MovieLens's {@code links.csv} spells
 * it, e.g. {@code "0114709"}; null when unknown) and the score with its two parts. Scores are NaN
 * where they do not apply: a NaN {@code score} hides the score line, a NaN part shows as "–".
 */
public record MovieCardData(
    MovieRef movie, String imdbId, double score, double alsScore, double contentScore) {

  public MovieCardData {
    Objects.requireNonNull(movie, "movie");
  }

  /** A card for a scored movie, as the recommender returns it. */
  public static MovieCardData of(MovieRef movie, String imdbId, ScoredMovie scored) {
    return new MovieCardData(
        movie, imdbId, scored.score(), scored.alsScore(), scored.contentScore());
  }

  /** A card without a score (a seed movie, a search hit). */
  public static MovieCardData unscored(MovieRef movie, String imdbId) {
    return new MovieCardData(movie, imdbId, Double.NaN, Double.NaN, Double.NaN);
  }

  public boolean hasScore() {
    return !Double.isNaN(score);
  }
}

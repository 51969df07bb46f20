package app.movierec.recommend.hybrid;

/**
 * The two score vectors of one query (a user's history, or a movie for "more like this") over the
 * catalogue, by content movieRow, each standardised over the query's candidates (z-scores), plus
 * the movies to leave out (what the user rated, or the movie itself). Never modified after
 * construction; cheap to re-blend under any {@link BlendWeights}.
 *
 * @param als standardised ALS scores, NaN for movies without an ALS row (nobody rated them)
 * @param content standardised content scores
 * @param excluded {@code true} for movies that are not candidates
 * @param alsFloor the lowest ALS z-score among the candidates: what a movie without an ALS row
 *     counts as
 */
public record StandardScores(float[] als, float[] content, boolean[] excluded, float alsFloor) {

  /** Approximate memory held, for caches that bound themselves by bytes. */
  public long bytes() {
    return 9L * als.length + 64;
  }
}

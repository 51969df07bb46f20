package app.movierec.recommend.hybrid;

/**
 * One user's two score vectors over the catalogue (by content movieRow), each already standardised
 * per user (z-scores over the user's candidates), plus the movies to leave out (the ones they
 * rated). Never modified after construction; cheap to re-blend.
 *
 * @param als standardised ALS scores, NaN for movies without an ALS row (nobody rated them in
 *     training)
 * @param content standardised content scores
 * @param excluded {@code true} for rated movies
 * @param alsFloor the lowest ALS z-score among the candidates: what a movie without an ALS row
 *     counts as
 */
public record UserScores(float[] als, float[] content, boolean[] excluded, float alsFloor) {}

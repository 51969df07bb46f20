package app.movierec.recommend.hybrid;

/**
 * One user's two score vectors over the catalogue (by content movieRow), each already normalised per user to
 * {@code [0, 1]}, plus the movies to leave out (the ones they rated). Immutable after construction; cheap to re-blend.
 *
 * @param als normalised ALS scores, NaN for movies without an ALS row (nobody rated them in training)
 * @param content normalised content scores
 * @param excluded {@code true} for rated movies
 */
public record UserScores(float[] als, float[] content, boolean[] excluded) {}

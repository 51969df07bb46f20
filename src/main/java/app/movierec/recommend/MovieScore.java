package app.movierec.recommend;

/**
 * A movie and one model's raw score for it (an ALS dot product, a cosine similarity, an
 * explanation's contribution), before any per-user normalisation. {@link ScoredMovie} is what the
 * public service returns.
 */
public record MovieScore(long movieId, double score) {}

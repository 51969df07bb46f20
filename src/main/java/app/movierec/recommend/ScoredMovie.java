package app.movierec.recommend;

/**
 * One recommended or similar movie. {@code score} is what the list is ranked by; {@code alsScore} and
 * {@code contentScore} are its two parts on the per-user normalised scale, before weighting (NaN where a part does
 * not apply, for example the ALS part of a movie nobody has rated). For recommendations the parts are per-user
 * z-scores (see {@code hybrid.HybridRecommender}); for similar-movie lists {@code score} is the cosine similarity and
 * the part of the model that produced it holds the same value.
 */
public record ScoredMovie(long movieId, double score, double alsScore, double contentScore) {}

package app.movierec.recommend;

/**
 * Which scorer ranks the movies: the blend of both, collaborative filtering only, or content only.
 */
public enum Mode {
  HYBRID,
  ALS,
  CONTENT
}

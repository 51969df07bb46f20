package app.movierec.recommend.content;

/** Which space a movie's content vector lives in. */
public enum VectorKind {
  /** The movie's tag-genome relevances (1,128 values in the full genome). */
  GENOME,
  /** TF-IDF over its genres and user tags: for movies outside the genome. */
  FALLBACK
}

package app.movierec.recommend;

/**
 * One of the user's rated movies that drove a recommendation.
 *
 * @param ratedMovieId the movie the user rated
 * @param contribution its share of the score on the side's own scale: for {@link Side#ALS} the
 *     exact additive term {@code c_uj (w . y_j)} of the ALS score; for {@link Side#CONTENT} the
 *     profile weight times the cosine
 * @param side which model this explanation comes from
 */
public record Explanation(int ratedMovieId, double contribution, Side side) {

  public enum Side {
    ALS,
    CONTENT
  }
}

package app.movierec.recommend.hybrid;

import app.movierec.recommend.BlendWeights;
import app.movierec.recommend.IdIndex;
import app.movierec.recommend.ScoredMovie;
import app.movierec.recommend.TopN;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.content.ContentModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Blends ALS and content scores: {@code hybrid = alsWeight * als' + contentWeight * content'},
 * where {@code als'} and {@code content'} are the two raw score vectors standardised PER USER over
 * that user's candidate movies (the catalogue minus what they rated): {@code s' = (s - mean) / sd},
 * a z-score, so one unit means one standard deviation of that user's scores on either side.
 * (Min-max scaling was tried too: its range hangs on the single most extreme candidate, and on
 * ml-latest-small it made every weight below 0.9 much worse; see the eval package.) A movie without
 * an ALS row gets the user's lowest ALS z-score, and is left out entirely when only ALS is
 * weighted, so {@code (1, 0)} reproduces the ALS ranking and {@code (0, 1)} the content ranking.
 *
 * <p>{@link #userScores} does the expensive part once (an ND4J gemv over all movies and the content
 * cosines); {@link #blend} is one linear pass plus a top-n heap, so callers cache {@link
 * UserScores} and re-blend on every weight change.
 */
public final class HybridRecommender {

  private final AlsModel als;
  private final ContentModel content;
  private final int[] alsRowOfMovieRow; // -1 when the movie has no ALS row

  public HybridRecommender(AlsModel als, ContentModel content) {
    this.als = als;
    this.content = content;
    IdIndex movies = content.movies();
    this.alsRowOfMovieRow = new int[movies.size()];
    for (int movieRow = 0; movieRow < movies.size(); movieRow++) {
      alsRowOfMovieRow[movieRow] = als.movies().rowOf(movies.idAt(movieRow));
    }
  }

  public AlsModel als() {
    return als;
  }

  public ContentModel content() {
    return content;
  }

  /**
   * Both normalised score vectors for a user given as an ALS vector and a content profile of the
   * same ratings.
   */
  public UserScores userScores(AlsModel.UserVector alsUser, ContentModel.Profile profile) {
    return userScores(als.scores(alsUser.factors()), alsUser.ratedItemRows(), profile);
  }

  /**
   * As {@link #userScores(AlsModel.UserVector, ContentModel.Profile)} with the raw ALS scores (by
   * itemRow) already computed, e.g. a row of {@link AlsModel#scoreUserRows} in batch jobs.
   */
  public UserScores userScores(float[] alsRaw, int[] ratedItemRows, ContentModel.Profile profile) {
    int movieCount = content.movies().size();
    boolean[] excluded = new boolean[movieCount];
    for (int movieRow : profile.ratedMovieRows()) {
      excluded[movieRow] = true;
    }
    float[] alsScores = new float[movieCount];
    for (int movieRow = 0; movieRow < movieCount; movieRow++) {
      int itemRow = alsRowOfMovieRow[movieRow];
      alsScores[movieRow] = itemRow >= 0 ? alsRaw[itemRow] : Float.NaN;
    }
    for (int itemRow : ratedItemRows) {
      // keep the two views of "rated" in step even if the content side did not know a movie
      int movieRow = content.movies().rowOf(als.movies().idAt(itemRow));
      if (movieRow >= 0) {
        excluded[movieRow] = true;
      }
    }
    float[] contentScores = content.scores(profile);
    standardise(alsScores, excluded);
    standardise(contentScores, excluded);
    float alsFloor = Float.POSITIVE_INFINITY;
    for (int movieRow = 0; movieRow < movieCount; movieRow++) {
      if (!excluded[movieRow] && Float.isFinite(alsScores[movieRow])) {
        alsFloor = Math.min(alsFloor, alsScores[movieRow]);
      }
    }
    return new UserScores(
        alsScores, contentScores, excluded, Float.isFinite(alsFloor) ? alsFloor : 0f);
  }

  /** The top {@code n} candidates under the given weights, best first. */
  public List<ScoredMovie> blend(UserScores scores, BlendWeights weights, int n) {
    float[] alsScores = scores.als();
    float[] contentScores = scores.content();
    double alsWeight = weights.alsWeight();
    double contentWeight = weights.contentWeight();
    float alsFloor = scores.alsFloor();
    int[] best =
        TopN.select(
            alsScores.length,
            movieRow ->
                blendedScore(
                    alsScores[movieRow],
                    contentScores[movieRow],
                    alsFloor,
                    alsWeight,
                    contentWeight),
            scores.excluded(),
            n);
    List<ScoredMovie> result = new ArrayList<>(best.length);
    for (int movieRow : best) {
      result.add(
          new ScoredMovie(
              content.movies().idAt(movieRow),
              blendedScore(
                  alsScores[movieRow], contentScores[movieRow], alsFloor, alsWeight, contentWeight),
              alsScores[movieRow],
              contentScores[movieRow]));
    }
    return List.copyOf(result);
  }

  static double blendedScore(
      float als, float content, float alsFloor, double alsWeight, double contentWeight) {
    if (Float.isNaN(als)) {
      // no ALS row (nobody rated it): as bad as the user's worst ALS candidate; left out when only
      // ALS counts
      return contentWeight > 0 ? alsWeight * alsFloor + contentWeight * content : Double.NaN;
    }
    return alsWeight * als + contentWeight * content;
  }

  /**
   * Standardises the finite values in place to z-scores, {@code (s - mean) / sd}, with mean and
   * standard deviation over the non-excluded ones; a constant vector becomes all 0; NaN stays NaN.
   */
  static void standardise(float[] values, boolean[] excluded) {
    double sum = 0;
    double squares = 0;
    int count = 0;
    for (int row = 0; row < values.length; row++) {
      if (!excluded[row] && Float.isFinite(values[row])) {
        sum += values[row];
        squares += (double) values[row] * values[row];
        count++;
      }
    }
    double mean = count == 0 ? 0 : sum / count;
    double sd = count == 0 ? 0 : Math.sqrt(Math.max(0, squares / count - mean * mean));
    for (int row = 0; row < values.length; row++) {
      if (Float.isFinite(values[row])) {
        values[row] = sd > 0 ? (float) ((values[row] - mean) / sd) : 0;
      }
    }
  }
}

package app.movierec.recommend.hybrid;

import app.movierec.common.IdIndex;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TopN;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.content.ContentModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blends ALS and content scores: {@code hybrid = alsWeight * als' + contentWeight * content'},
 * where {@code als'} and {@code content'} are the two raw score vectors standardised per query over
 * its candidate movies (the catalogue minus what the user rated): {@code s' = (s - mean) / sd}, a
 * z-score, so one unit means one standard deviation of that user's scores on either side. (Min-max
 * scaling was tried too: its range hangs on the single most extreme candidate, and on
 * ml-latest-small it made every weight below 0.9 much worse.) A movie without an ALS row gets the
 * query's lowest ALS z-score, and is left out entirely when only ALS is weighted, so {@code (1, 0)}
 * reproduces the ALS ranking and {@code (0, 1)} the content ranking.
 *
 * <p>{@link #userScores} and {@link #movieScores} do the expensive part once (every movie's ALS and
 * content score); {@link #blend} is one linear pass plus a top-n heap, so callers cache {@link
 * StandardScores} and re-blend on every weight change.
 */
public final class Blender {

  private final AlsModel als;
  private final ContentModel content;
  private final int[] alsRowOfMovieRow; // -1 when the movie has no ALS row

  public Blender(AlsModel als, ContentModel content) {
    this.als = als;
    this.content = content;
    IdIndex movies = content.movies();
    this.alsRowOfMovieRow = new int[movies.size()];
    for (int movieRow = 0; movieRow < movies.size(); movieRow++) {
      alsRowOfMovieRow[movieRow] = als.movies().rowOf(movies.idAt(movieRow));
    }
  }

  /** {@code movieId <-> movieRow} of every {@link StandardScores} vector: the whole catalogue. */
  public IdIndex movies() {
    return content.movies();
  }

  /** Both standardised score vectors of a user, from an ALS vector and a content profile. */
  public StandardScores userScores(AlsModel.UserVector alsUser, ContentModel.Profile profile) {
    return userScores(als.scores(alsUser.factors()), alsUser.ratedItemRows(), profile);
  }

  private StandardScores userScores(
      float[] alsRaw, int[] ratedItemRows, ContentModel.Profile profile) {
    boolean[] excluded = new boolean[movies().size()];
    for (int movieRow : profile.ratedMovieRows()) {
      excluded[movieRow] = true;
    }
    for (int itemRow : ratedItemRows) {
      // keep the two views of "rated" in step even if the content side did not know a movie
      int movieRow = movies().rowOf(als.movies().idAt(itemRow));
      if (movieRow >= 0) {
        excluded[movieRow] = true;
      }
    }
    return standardise(alsRaw, content.scores(profile), excluded);
  }

  /**
   * Standardised scores of a history the ALS side should not use (only dislikes): a prior score per
   * movie (by movieRow, e.g. log popularity) stands in for ALS, next to the content profile, which
   * pushes away from what the user disliked.
   */
  public StandardScores priorScores(float[] priorByMovieRow, ContentModel.Profile profile) {
    boolean[] excluded = new boolean[movies().size()];
    for (int movieRow : profile.ratedMovieRows()) {
      excluded[movieRow] = true;
    }
    float[] prior = priorByMovieRow.clone();
    float[] contentScores = content.scores(profile);
    standardise(prior, excluded);
    standardise(contentScores, excluded);
    return new StandardScores(prior, contentScores, excluded, 0f);
  }

  /**
   * Both standardised similarity vectors of one movie ("more like this"): its ALS factor cosine and
   * its content cosine with every other movie; empty for a movie the catalogue does not have.
   */
  public Optional<StandardScores> movieScores(int movieId) {
    int movieRow = movies().rowOf(movieId);
    Optional<float[]> contentCosines = content.similarities(movieId);
    if (movieRow < 0 || contentCosines.isEmpty()) {
      return Optional.empty();
    }
    boolean[] excluded = new boolean[movies().size()];
    excluded[movieRow] = true;
    float[] alsCosines = als.similarities(movieId).orElse(null);
    return Optional.of(standardise(alsCosines, contentCosines.get(), excluded));
  }

  /**
   * Lays the ALS scores (by itemRow; null: none) out by movieRow and standardises both, as {@link
   * #standardise(float[], boolean[])} does each, in two passes over the catalogue instead of six
   * (at 62k movies these passes were a tenth of a recommendation's time).
   */
  private StandardScores standardise(float[] alsRaw, float[] contentScores, boolean[] excluded) {
    int movieCount = movies().size();
    float[] alsScores = new float[movieCount];
    Moments als = new Moments();
    Moments content = new Moments();
    for (int movieRow = 0; movieRow < movieCount; movieRow++) {
      int itemRow = alsRowOfMovieRow[movieRow];
      float alsScore = itemRow >= 0 && alsRaw != null ? alsRaw[itemRow] : Float.NaN;
      alsScores[movieRow] = alsScore;
      if (!excluded[movieRow]) {
        als.add(alsScore);
        content.add(contentScores[movieRow]);
      }
    }
    als.fix();
    content.fix();
    float alsFloor = Float.POSITIVE_INFINITY;
    for (int movieRow = 0; movieRow < movieCount; movieRow++) {
      float alsScore = alsScores[movieRow];
      if (Float.isFinite(alsScore)) {
        float z = als.z(alsScore);
        alsScores[movieRow] = z;
        if (!excluded[movieRow]) {
          alsFloor = Math.min(alsFloor, z);
        }
      }
      float contentScore = contentScores[movieRow];
      if (Float.isFinite(contentScore)) {
        contentScores[movieRow] = content.z(contentScore);
      }
    }
    return new StandardScores(
        alsScores, contentScores, excluded, Float.isFinite(alsFloor) ? alsFloor : 0f);
  }

  /**
   * Count, sum and sum of squares of the finite values added; once {@link #fix fixed}, the z-score
   * of a value.
   */
  private static final class Moments {
    private double sum;
    private double squares;
    private int count;
    private double mean;
    private double scale;

    void add(float value) {
      if (Float.isFinite(value)) {
        sum += value;
        squares += (double) value * value;
        count++;
      }
    }

    /**
     * Takes the mean and 1 / the standard deviation of what was added (0 when there is none: then
     * every value becomes 0); one division here, a multiplication per value after (62k values: 78
     * instead of 111 µs).
     */
    void fix() {
      mean = count == 0 ? 0 : sum / count;
      double sd = count == 0 ? 0 : Math.sqrt(Math.max(0, squares / count - mean * mean));
      scale = sd > 0 ? 1 / sd : 0;
    }

    float z(float value) {
      return (float) ((value - mean) * scale);
    }
  }

  /** The top {@code n} candidates under the given weights, best first. */
  public List<ScoredMovie> blend(StandardScores scores, BlendWeights weights, int n) {
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
              movies().idAt(movieRow),
              blendedScore(
                  alsScores[movieRow], contentScores[movieRow], alsFloor, alsWeight, contentWeight),
              alsScores[movieRow],
              contentScores[movieRow]));
    }
    return List.copyOf(result);
  }

  /** The blended score of every movie (candidates or not), by movieRow; NaN where it has none. */
  public float[] blendAll(StandardScores scores, BlendWeights weights) {
    float[] result = new float[scores.als().length];
    for (int movieRow = 0; movieRow < result.length; movieRow++) {
      result[movieRow] =
          (float)
              blendedScore(
                  scores.als()[movieRow],
                  scores.content()[movieRow],
                  scores.alsFloor(),
                  weights.alsWeight(),
                  weights.contentWeight());
    }
    return result;
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
    Moments moments = new Moments();
    for (int row = 0; row < values.length; row++) {
      if (!excluded[row]) {
        moments.add(values[row]);
      }
    }
    moments.fix();
    for (int row = 0; row < values.length; row++) {
      if (Float.isFinite(values[row])) {
        values[row] = moments.z(values[row]);
      }
    }
  }
}

package app.movierec.recommend.als;

import app.movierec.recommend.IdIndex;
import app.movierec.recommend.MovieScore;
import app.movierec.recommend.TopN;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fitted implicit-feedback matrix factorisation (Hu, Koren & Volinsky 2008, "Collaborative
 * Filtering for Implicit Feedback Datasets"), immutable and thread-safe. The user factors {@code X}
 * are {@code users x f} and the movie factors {@code Y} are {@code movies x f}, both row-major
 * float[]; a user's score for a movie is {@code x_u . y_i}. Rows are dense indexes given by {@link
 * #users()} and {@link #movies()} ({@link IdIndex}: {@code userId <-> userRow}, {@code movieId <->
 * itemRow}); only movies that had at least one rating have a row.
 *
 * <p>Unknown users or movies never throw: lists come back empty and lookups as {@link
 * Optional#empty()}.
 */
public final class AlsModel {

  private final AlsConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final int factors;
  private final float[] userFactors;
  private final float[] itemFactors;
  private final int[] userOffsets;
  private final int[] userItemRows;
  private final float[] userConfidences;

  // derived, never saved; deliberately no long-lived ND4J array (see scoreUserRows)
  private final float[] gram;
  private final float[] itemNorms;

  AlsModel(
      AlsConfig config,
      IdIndex users,
      IdIndex items,
      float[] userFactors,
      float[] itemFactors,
      int[] userOffsets,
      int[] userItemRows,
      float[] userConfidences) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.factors = config.factors();
    if (userFactors.length != users.size() * factors
        || itemFactors.length != items.size() * factors) {
      throw new IllegalArgumentException("factor matrices do not match the id indexes");
    }
    this.userFactors = userFactors;
    this.itemFactors = itemFactors;
    this.userOffsets = userOffsets;
    this.userItemRows = userItemRows;
    this.userConfidences = userConfidences;
    this.gram = Gram.of(itemFactors, items.size(), factors, config.sharedRegularization());
    this.itemNorms = new float[items.size()];
    for (int itemRow = 0; itemRow < items.size(); itemRow++) {
      double sum = 0;
      for (int d = 0; d < factors; d++) {
        float v = itemFactors[itemRow * factors + d];
        sum += v * v;
      }
      itemNorms[itemRow] = (float) Math.sqrt(sum);
    }
  }

  /**
   * A user as the model sees them: the latent vector ({@code f} floats) and the movies they rated
   * with their confidences (parallel arrays of item rows and {@code 1 + alpha * t(rating)}).
   */
  public record UserVector(float[] factors, int[] ratedItemRows, float[] confidences) {

    /** Whether the user rated the movie at {@code itemRow}. */
    public boolean rated(int itemRow) {
      for (int row : ratedItemRows) {
        if (row == itemRow) {
          return true;
        }
      }
      return false;
    }
  }

  public AlsConfig config() {
    return config;
  }

  /** {@code userId <-> userRow} of the user factor matrix. */
  public IdIndex users() {
    return users;
  }

  /**
   * {@code movieId <-> itemRow} of the movie factor matrix (movies with at least one training
   * rating).
   */
  public IdIndex movies() {
    return items;
  }

  public int factors() {
    return factors;
  }

  /** Whether the model has a factor row for this user. */
  public boolean knowsUser(long userId) {
    return users.contains(userId);
  }

  /** The trained vector and rated movies of a known user. */
  public Optional<UserVector> userVector(long userId) {
    int userRow = users.rowOf(userId);
    if (userRow < 0) {
      return Optional.empty();
    }
    int from = userOffsets[userRow];
    int to = userOffsets[userRow + 1];
    return Optional.of(
        new UserVector(
            Arrays.copyOfRange(userFactors, userRow * factors, (userRow + 1) * factors),
            Arrays.copyOfRange(userItemRows, from, to),
            Arrays.copyOfRange(userConfidences, from, to)));
  }

  /** The user's top {@code n} movies they have not rated, best first; empty for an unknown user. */
  public List<MovieScore> recommend(long userId, int n) {
    return userVector(userId).map(user -> recommend(user, n)).orElse(List.of());
  }

  /**
   * The top {@code n} movies for a (trained or folded-in) user vector, excluding the movies it
   * rated.
   */
  public List<MovieScore> recommend(UserVector user, int n) {
    float[] scores = scores(user.factors());
    boolean[] excluded = new boolean[items.size()];
    for (int itemRow : user.ratedItemRows()) {
      excluded[itemRow] = true;
    }
    return toMovieScores(TopN.select(scores, excluded, n), scores);
  }

  /**
   * Scores of every movie for the user, indexed by itemRow ({@code Y x_u}); empty for an unknown
   * user.
   */
  public Optional<float[]> scores(long userId) {
    int userRow = users.rowOf(userId);
    if (userRow < 0) {
      return Optional.empty();
    }
    return Optional.of(
        scores(Arrays.copyOfRange(userFactors, userRow * factors, (userRow + 1) * factors)));
  }

  /**
   * Scores of every movie for a user vector of length {@code f}, indexed by itemRow ({@code Y x}).
   *
   * <p>Plain Java on purpose: one user's scores are a {@code movies x f} matrix-vector product
   * (~0.6M multiply-adds on ml-latest-small) that the JIT runs in well under a millisecond.
   * Measured with the {@code benchmark} command, ND4J's gemv was as fast only when OpenBLAS's
   * worker threads were idle; on a loaded 2-core machine their hand-off pushed the median to
   * several milliseconds. Web requests already run in parallel, so single-threaded scoring per
   * request is the right shape; batches of users go through ND4J ({@link #scoreUserRows}).
   */
  public float[] scores(float[] userFactorsOfOne) {
    if (userFactorsOfOne.length != factors) {
      throw new IllegalArgumentException("user vector must have " + factors + " factors");
    }
    float[] scores = new float[items.size()];
    float[] x = userFactorsOfOne;
    for (int itemRow = 0; itemRow < scores.length; itemRow++) {
      int off = itemRow * factors;
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      int d = 0;
      for (; d + 3 < factors; d += 4) {
        s0 += itemFactors[off + d] * x[d];
        s1 += itemFactors[off + d + 1] * x[d + 1];
        s2 += itemFactors[off + d + 2] * x[d + 2];
        s3 += itemFactors[off + d + 3] * x[d + 3];
      }
      for (; d < factors; d++) {
        s0 += itemFactors[off + d] * x[d];
      }
      scores[itemRow] = (s0 + s1) + (s2 + s3);
    }
    return scores;
  }

  /**
   * Scores of users {@code fromUserRow..toUserRow-1} for every movie in one ND4J gemm, as a
   * row-major {@code (toUserRow - fromUserRow) x movies} matrix; for batch jobs.
   *
   * <p>The movie matrix is copied off-heap per call and freed right after: with JavaCPP's pointer
   * GC disabled ({@code -Dorg.bytedeco.javacpp.nopointergc=true}) an ND4J array held by this
   * immutable model would never be freed once the model is swapped out, leaking its size on every
   * retrain. Callers batch a few hundred users so the copy is amortised.
   */
  public float[] scoreUserRows(int fromUserRow, int toUserRow) {
    int count = toUserRow - fromUserRow;
    if (count <= 0 || items.size() == 0) {
      return new float[0];
    }
    INDArray itemMatrix = Nd4jArrays.matrix(itemFactors, items.size(), factors);
    INDArray batch =
        Nd4jArrays.matrix(
            Arrays.copyOfRange(userFactors, fromUserRow * factors, toUserRow * factors),
            count,
            factors);
    INDArray product = Nd4j.gemm(batch, itemMatrix, false, true);
    float[] scores = Nd4jArrays.floats(product);
    Nd4jArrays.release(batch, itemMatrix, product);
    return scores;
  }

  /** The item rows rated by {@code userRow} (ascending). */
  public int[] ratedItemRows(int userRow) {
    return Arrays.copyOfRange(userItemRows, userOffsets[userRow], userOffsets[userRow + 1]);
  }

  /**
   * The {@code n} movies whose factor vectors have the highest cosine with this movie's, best
   * first, the movie itself excluded; empty for a movie the model has no row for.
   */
  public List<MovieScore> similarMovies(long movieId, int n) {
    int itemRow = items.rowOf(movieId);
    if (itemRow < 0) {
      return List.of();
    }
    float[] dots =
        scores(Arrays.copyOfRange(itemFactors, itemRow * factors, (itemRow + 1) * factors));
    float norm = itemNorms[itemRow];
    float[] cosines = new float[dots.length];
    for (int row = 0; row < dots.length; row++) {
      float denominator = norm * itemNorms[row];
      cosines[row] = denominator > 0 ? dots[row] / denominator : 0;
    }
    boolean[] excluded = new boolean[items.size()];
    excluded[itemRow] = true;
    return toMovieScores(TopN.select(cosines, excluded, n), cosines);
  }

  /**
   * A vector for a user the model was not trained on, from their ratings by movieId, solving the
   * user's normal equations exactly against the fixed movie factors (like implicit's {@code
   * recalculate_user}); no retraining. Movies the model does not know are ignored; with none left
   * the vector is all zeros.
   */
  public UserVector foldIn(Map<Long, Double> ratingsByMovieId) {
    int[] rows = new int[ratingsByMovieId.size()];
    float[] confidences = new float[ratingsByMovieId.size()];
    int count = 0;
    // ascending item rows, so that the same ratings always give the same bits
    var known = new java.util.TreeMap<Integer, Double>();
    for (var rating : ratingsByMovieId.entrySet()) {
      int itemRow = items.rowOf(rating.getKey());
      if (itemRow >= 0 && rating.getValue() != null && Double.isFinite(rating.getValue())) {
        known.put(itemRow, rating.getValue());
      }
    }
    for (var entry : known.entrySet()) {
      rows[count] = entry.getKey();
      confidences[count] = config.confidenceOf(entry.getValue());
      count++;
    }
    rows = Arrays.copyOf(rows, count);
    confidences = Arrays.copyOf(confidences, count);
    float[] vector = new float[factors];
    if (count > 0) {
      RowSolver solver = new RowSolver(factors);
      solver.extraDiagonal(config.rowRegularization(count));
      solver.exact(vector, 0, itemFactors, gram, rows, confidences, 0, count);
    }
    return new UserVector(vector, rows, confidences);
  }

  /**
   * Which of the user's rated movies drive the score of {@code movieId}, largest contribution first
   * (implicit's {@code explain}): with {@code A = YtY + lambda I + Yt (Cu - I) Y} and {@code w =
   * A^-1 y_movie}, the score splits exactly into {@code sum_j c_uj (w . y_j)} over the rated movies
   * {@code j}. Empty for unknown ids.
   */
  public List<MovieScore> explain(long userId, long movieId, int n) {
    return userVector(userId).map(user -> explain(user, movieId, n)).orElse(List.of());
  }

  /** As {@link #explain(long, long, int)} for a (trained or folded-in) user vector. */
  public List<MovieScore> explain(UserVector user, long movieId, int n) {
    int itemRow = items.rowOf(movieId);
    if (itemRow < 0 || user.ratedItemRows().length == 0) {
      return List.of();
    }
    int[] rated = user.ratedItemRows();
    float[] confidences = user.confidences();
    RowSolver solver = new RowSolver(factors);
    solver.extraDiagonal(config.rowRegularization(rated.length));
    double[] w =
        solver.solveAgainst(itemFactors, gram, rated, confidences, 0, rated.length, itemRow);
    double[] contributions = new double[rated.length];
    for (int k = 0; k < rated.length; k++) {
      double dot = 0;
      int off = rated[k] * factors;
      for (int d = 0; d < factors; d++) {
        dot += w[d] * itemFactors[off + d];
      }
      contributions[k] = confidences[k] * dot;
    }
    int[] best = TopN.select(contributions, null, n);
    List<MovieScore> result = new ArrayList<>(best.length);
    for (int k : best) {
      result.add(new MovieScore(items.idAt(rated[k]), contributions[k]));
    }
    return result;
  }

  private List<MovieScore> toMovieScores(int[] itemRows, float[] scores) {
    List<MovieScore> result = new ArrayList<>(itemRows.length);
    for (int itemRow : itemRows) {
      result.add(new MovieScore(items.idAt(itemRow), scores[itemRow]));
    }
    return List.copyOf(result);
  }

  // for AlsModelFiles and tests in this package
  float[] userFactorMatrix() {
    return userFactors;
  }

  float[] itemFactorMatrix() {
    return itemFactors;
  }

  int[] userOffsets() {
    return userOffsets;
  }

  int[] userItemRows() {
    return userItemRows;
  }

  float[] userConfidences() {
    return userConfidences;
  }
}

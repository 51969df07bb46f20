package app.movierec.recommend.als;

import app.movierec.common.IdIndex;
import app.movierec.common.RowScores;
import app.movierec.common.ScoredMovie;
import app.movierec.common.SharedScan;
import app.movierec.common.TopN;
import app.movierec.common.UserHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A fitted implicit-feedback matrix factorisation (Hu, Koren & Volinsky 2008, "Collaborative
 * Filtering for Implicit Feedback Datasets"), immutable and thread-safe. The user factors {@code X}
 * are {@code users x f} and the movie factors {@code Y} are {@code movies x f}, both row-major
 * float[]; a user's score for a movie is {@code x_u . y_i}. Rows are dense indexes given by {@link
 * #users()} and {@link #movies()} ({@link IdIndex}: {@code userId <-> userRow}, {@code movieId <->
 * itemRow}); only movies that had at least one rating have a row.
 *
 * <p>Unknown users or movies never throw: lists come back empty and lookups as {@link
 * Optional#empty()}; a user it was not trained on is folded in from their ratings.
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

  // derived, never saved; deliberately no long-lived ND4J array (see scores)
  private final float[] gram;
  private final float[] itemNorms;
  private final SharedScan itemScan; // concurrent requests share one pass over itemFactors

  AlsModel(
      AlsConfig config,
      IdIndex users,
      IdIndex items,
      float[] userFactors,
      float[] itemFactors,
      int[] userOffsets,
      int[] userItemRows,
      float[] userConfidences) {
    this(
        config,
        users,
        items,
        userFactors,
        itemFactors,
        userOffsets,
        userItemRows,
        userConfidences,
        Gram.of(itemFactors, items.size(), config.factors(), config.sharedRegularization()));
  }

  private AlsModel(
      AlsConfig config,
      IdIndex users,
      IdIndex items,
      float[] userFactors,
      float[] itemFactors,
      int[] userOffsets,
      int[] userItemRows,
      float[] userConfidences,
      float[] gram) {
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
    this.itemScan = new SharedScan(itemFactors, items.size(), factors, null);
    this.userOffsets = userOffsets;
    this.userItemRows = userItemRows;
    this.userConfidences = userConfidences;
    this.gram = gram;
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
   * with their confidences (parallel arrays of item rows, ascending, and {@code 1 + alpha *
   * t(rating)}).
   */
  public record UserVector(float[] factors, int[] ratedItemRows, float[] confidences) {}

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

  /** The trained vector and rated movies of a user the model was trained on; empty otherwise. */
  public Optional<UserVector> trainedVector(int userId) {
    int userRow = users.rowOf(userId);
    if (userRow < 0) {
      return Optional.empty();
    }
    return Optional.of(trainedVector(userRow, userOffsets[userRow], userOffsets[userRow + 1]));
  }

  private UserVector trainedVector(int userRow, int from, int to) {
    return new UserVector(
        Arrays.copyOfRange(userFactors, userRow * factors, (userRow + 1) * factors),
        Arrays.copyOfRange(userItemRows, from, to),
        Arrays.copyOfRange(userConfidences, from, to));
  }

  /**
   * The vector of a user's ratings: the trained one when the history belongs to a user the model
   * was trained on and holds exactly the ratings it was trained with, otherwise a {@linkplain
   * #foldIn fold-in} of the history. So a rating given after training counts at once.
   */
  public UserVector userVector(UserHistory history) {
    int userRow = users.rowOf(history.userId());
    if (userRow >= 0 && trainedOn(userRow, history)) {
      return trainedVector(userRow, userOffsets[userRow], userOffsets[userRow + 1]);
    }
    return foldIn(history);
  }

  /**
   * Whether the history belongs to a user the model was trained on and holds exactly the ratings it
   * was trained with (so it is served by the trained vector, not folded in).
   */
  public boolean isTrained(UserHistory history) {
    int userRow = users.rowOf(history.userId());
    return userRow >= 0 && trainedOn(userRow, history);
  }

  /** Whether the history holds exactly the ratings the model was trained with for this user. */
  private boolean trainedOn(int userRow, UserHistory history) {
    int from = userOffsets[userRow];
    if (userOffsets[userRow + 1] - from != history.size()) {
      return false;
    }
    // both in ascending order: item rows follow ascending movieIds
    for (int k = 0; k < history.size(); k++) {
      if (items.rowOf(history.movieId(k)) != userItemRows[from + k]
          || config.confidenceOf(history.rating(k)) != userConfidences[from + k]) {
        return false;
      }
    }
    return true;
  }

  /** The top {@code n} movies of a history that it does not hold, best first. */
  public List<ScoredMovie> recommend(UserHistory history, int n) {
    return recommend(userVector(history), n);
  }

  /**
   * The top {@code n} movies for a (trained or folded-in) user vector, excluding the ones rated.
   */
  public List<ScoredMovie> recommend(UserVector user, int n) {
    float[] scores = scores(user.factors());
    boolean[] excluded = new boolean[items.size()];
    for (int itemRow : user.ratedItemRows()) {
      excluded[itemRow] = true;
    }
    return toScoredMovies(TopN.select(scores, excluded, n), scores);
  }

  /**
   * Scores of every movie for a user vector of length {@code f}, indexed by itemRow ({@code Y x}).
   *
   * <p>In Java on purpose ({@link RowScores}, SIMD when the Vector API is there): one user's scores
   * are a {@code movies x f} matrix-vector product (8M multiply-adds at ML-25M's size). Measured
   * with the {@code benchmark} command, ND4J's gemv was as fast only when OpenBLAS's worker threads
   * were idle; on a loaded 2-core machine their hand-off pushed the median to several milliseconds.
   * Web requests already run in parallel, so single-threaded scoring per request is the right
   * shape; requests that arrive together share one pass over the item factors ({@link SharedScan}),
   * which turns 32 concurrent memory-bound matrix-vector products into a few matrix-matrix ones.
   */
  public float[] scores(float[] userFactorsOfOne) {
    if (userFactorsOfOne.length != factors) {
      throw new IllegalArgumentException("user vector must have " + factors + " factors");
    }
    float[] scores = new float[items.size()];
    itemScan.score(userFactorsOfOne, scores);
    return scores;
  }

  /**
   * A copy of the movie factor matrix ({@code movies x f}, row-major, rows as {@link #movies()}).
   */
  public float[] movieFactors() {
    return itemFactors.clone();
  }

  /**
   * The same model with rows for movies nobody rated in training, whose factors come from elsewhere
   * (a mapping from their content): they can be recommended and found similar, and a user who rates
   * one folds it in. The fold-in's Gram matrix stays that of the trained movies, so a user's
   * trained vector and a fold-in of the same ratings still agree. Movies the model already has are
   * refused.
   *
   * @param coldFactors {@code movieIds.length x f}, row-major
   */
  public AlsModel withColdMovies(int[] movieIds, float[] coldFactors) {
    if (coldFactors.length != movieIds.length * factors) {
      throw new IllegalArgumentException("one factor row per cold movie");
    }
    if (movieIds.length == 0) {
      return this;
    }
    int[] allIds = Arrays.copyOf(items.ids(), items.size() + movieIds.length);
    for (int i = 0; i < movieIds.length; i++) {
      if (items.contains(movieIds[i])) {
        throw new IllegalArgumentException("movie " + movieIds[i] + " already has trained factors");
      }
      allIds[items.size() + i] = movieIds[i];
    }
    IdIndex extended = IdIndex.of(allIds);
    float[] extendedFactors = new float[extended.size() * factors];
    int[] newRowOfOld = new int[items.size()];
    for (int itemRow = 0; itemRow < items.size(); itemRow++) {
      int newRow = extended.rowOf(items.idAt(itemRow));
      newRowOfOld[itemRow] = newRow;
      System.arraycopy(itemFactors, itemRow * factors, extendedFactors, newRow * factors, factors);
    }
    for (int i = 0; i < movieIds.length; i++) {
      System.arraycopy(
          coldFactors,
          i * factors,
          extendedFactors,
          extended.rowOf(movieIds[i]) * factors,
          factors);
    }
    int[] remapped = new int[userItemRows.length];
    for (int k = 0; k < remapped.length; k++) {
      remapped[k] = newRowOfOld[userItemRows[k]]; // monotone, so rows stay ascending per user
    }
    return new AlsModel(
        config,
        users,
        extended,
        userFactors,
        extendedFactors,
        userOffsets,
        remapped,
        userConfidences,
        gram);
  }

  /**
   * The cosine of this movie's factor vector with every movie's, by itemRow (itself included);
   * empty for a movie the model has no row for.
   */
  public Optional<float[]> similarities(int movieId) {
    int itemRow = items.rowOf(movieId);
    if (itemRow < 0) {
      return Optional.empty();
    }
    float[] dots =
        scores(Arrays.copyOfRange(itemFactors, itemRow * factors, (itemRow + 1) * factors));
    float norm = itemNorms[itemRow];
    for (int row = 0; row < dots.length; row++) {
      float denominator = norm * itemNorms[row];
      dots[row] = denominator > 0 ? dots[row] / denominator : 0;
    }
    return Optional.of(dots);
  }

  /**
   * The {@code n} movies whose factor vectors have the highest cosine with this movie's, best
   * first, the movie itself excluded; empty for a movie the model has no row for.
   */
  public List<ScoredMovie> similarMovies(int movieId, int n) {
    Optional<float[]> cosines = similarities(movieId);
    if (cosines.isEmpty()) {
      return List.of();
    }
    boolean[] excluded = new boolean[items.size()];
    excluded[items.rowOf(movieId)] = true;
    return toScoredMovies(TopN.select(cosines.get(), excluded, n), cosines.get());
  }

  /**
   * A vector for ratings the model was not trained on, solving the user's normal equations exactly
   * against the fixed movie factors (like implicit's {@code recalculate_user}); no retraining.
   * Movies the model does not know are ignored; with none left the vector is all zeros.
   */
  public UserVector foldIn(UserHistory history) {
    int[] rows = new int[history.size()];
    float[] confidences = new float[history.size()];
    int count = 0;
    // ascending movieIds give ascending item rows, so the same ratings always give the same bits
    for (int k = 0; k < history.size(); k++) {
      int itemRow = items.rowOf(history.movieId(k));
      if (itemRow >= 0) {
        rows[count] = itemRow;
        confidences[count] = config.confidenceOf(history.rating(k));
        count++;
      }
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
   * {@code j}. Each result's movieId is a rated movie and its score that contribution. Empty when
   * the model does not know the movie or the user rated nothing it knows.
   */
  public List<ScoredMovie> explain(UserVector user, int movieId, int n) {
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
    List<ScoredMovie> result = new ArrayList<>(best.length);
    for (int k : best) {
      result.add(ScoredMovie.byAls(items.idAt(rated[k]), contributions[k]));
    }
    return result;
  }

  private List<ScoredMovie> toScoredMovies(int[] itemRows, float[] scores) {
    List<ScoredMovie> result = new ArrayList<>(itemRows.length);
    for (int itemRow : itemRows) {
      result.add(ScoredMovie.byAls(items.idAt(itemRow), scores[itemRow]));
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

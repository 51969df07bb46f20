package app.movierec.recommend;

import app.movierec.common.IdIndex;
import app.movierec.common.ScoredMovie;
import app.movierec.common.UserHistory;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.content.ContentModel;
import app.movierec.recommend.content.VectorKind;
import app.movierec.recommend.hybrid.BlendSettings;
import app.movierec.recommend.hybrid.BlendWeights;
import app.movierec.recommend.hybrid.Blender;
import app.movierec.recommend.hybrid.StandardScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recommender: one fitted ALS model, one content model and the blend chosen for them, immutable
 * and thread-safe. It is fitted in one place ({@link HybridTrainer}) and used alike by the web app,
 * the JSON API, the batch commands and the evaluation.
 *
 * <p>Scores are over the whole catalogue ({@link #movies()}); a movie nobody rated has no ALS score
 * and ranks on content alone. A history that names no movie the models know (empty, or only unknown
 * ids) gets the most popular movies; one that holds only dislikes gets popular movies pushed away
 * from what it disliked. By default each history is blended with the weight learned for users of
 * its activity ({@link #blend()}, {@link #weightsFor}); {@link #withWeights} gives the same model
 * under fixed weights ({@link BlendWeights#ALS_ONLY} and {@link BlendWeights#CONTENT_ONLY} give the
 * two models alone), {@link #withLearnedWeights} back.
 */
public final class HybridModel implements MovieRecommender {

  private final String fingerprint;
  private final AlsModel als;
  private final ContentModel content;
  private final Blender blender;
  private final TrainedRatings trained;
  private final PopularityModel popularity;
  private final float[] logPopularity; // by movieRow: ln(1 + rating count)
  private final BlendSettings blend;
  private final BlendWeights weights; // null: the learned weight of each history's activity

  HybridModel(
      String fingerprint,
      AlsModel als,
      ContentModel content,
      TrainedRatings trained,
      BlendSettings blend) {
    this(
        fingerprint,
        als,
        content,
        new Blender(als, content),
        trained,
        new PopularityModel(content.movies(), trained.ratingCounts(content.movies())),
        null,
        blend,
        null);
  }

  private HybridModel(
      String fingerprint,
      AlsModel als,
      ContentModel content,
      Blender blender,
      TrainedRatings trained,
      PopularityModel popularity,
      float[] logPopularity,
      BlendSettings blend,
      BlendWeights weights) {
    this.fingerprint = fingerprint;
    this.als = als;
    this.content = content;
    this.blender = blender;
    this.trained = trained;
    this.popularity = popularity;
    this.logPopularity = logPopularity != null ? logPopularity : logOf(popularity);
    this.blend = blend;
    this.weights = weights;
  }

  private static float[] logOf(PopularityModel popularity) {
    float[] counts = popularity.scores(UserHistory.empty());
    for (int row = 0; row < counts.length; row++) {
      counts[row] = (float) Math.log1p(counts[row]);
    }
    return counts;
  }

  /** The same model recommending under fixed blend weights. */
  public HybridModel withWeights(BlendWeights newWeights) {
    return newWeights.equals(weights)
        ? this
        : new HybridModel(
            fingerprint,
            als,
            content,
            blender,
            trained,
            popularity,
            logPopularity,
            blend,
            newWeights);
  }

  /** The same model under another chosen blend (learned weights, per activity). */
  HybridModel withBlend(BlendSettings newBlend) {
    return new HybridModel(
        fingerprint, als, content, blender, trained, popularity, logPopularity, newBlend, null);
  }

  /** The same model blending each history with the weight learned for its activity. */
  public HybridModel withLearnedWeights() {
    return weights == null
        ? this
        : new HybridModel(
            fingerprint, als, content, blender, trained, popularity, logPopularity, blend, null);
  }

  /**
   * The weights this instance blends {@code history} with: fixed ones, or the learned ones: the
   * overall weight for a user served by their trained vector, the weight of their activity bucket
   * for one the model folds in.
   */
  public BlendWeights weightsFor(UserHistory history) {
    if (weights != null) {
      return weights;
    }
    return BlendWeights.ofAlsWeight(
        als.isTrained(history) ? blend.alsWeight() : blend.alsWeightFor(usableRatings(history)));
  }

  /** How many of the history's ratings the models know: what its activity bucket counts. */
  public int usableRatings(UserHistory history) {
    int known = 0;
    for (int k = 0; k < history.size(); k++) {
      if (movies().contains(history.movieId(k))) {
        known++;
      }
    }
    return known;
  }

  /** The blend chosen for this model when it was fitted, and the validation behind it. */
  public BlendSettings blend() {
    return blend;
  }

  /** The ALS weight for a user of whom nothing is known (the overall learned weight). */
  public BlendWeights defaultWeights() {
    return BlendWeights.ofAlsWeight(blend.alsWeight());
  }

  /** Identifies the training data (and so the model's users and ratings). */
  public String fingerprint() {
    return fingerprint;
  }

  public AlsModel als() {
    return als;
  }

  public ContentModel content() {
    return content;
  }

  /** The popularity baseline of the same training data. */
  public PopularityModel popularity() {
    return popularity;
  }

  /** The whole catalogue: every movie this model can recommend. */
  @Override
  public IdIndex movies() {
    return blender.movies();
  }

  /** The ratings the model was trained with for this user; empty for a user it does not know. */
  public Optional<UserHistory> trainedHistory(int userId) {
    return trained.historyOf(userId);
  }

  /** How many users the model was trained on. */
  public int userCount() {
    return trained.users().size();
  }

  /**
   * The expensive part of a recommendation, done once per history: both models' scores of every
   * movie, standardised over the history's candidates. Re-blending them under other weights ({@link
   * #recommend(UserHistory, StandardScores, int)}) is cheap. Empty when the history names no movie
   * the models know: such a history gets popular movies ({@link #recommend(UserHistory, int)}).
   */
  public Optional<StandardScores> standardScores(UserHistory history) {
    ContentModel.Profile profile = content.profile(history);
    if (profile.ratedMovieRows().length == 0) {
      return Optional.empty();
    }
    if (history.onlyDislikes()) {
      // Nothing liked: ALS would treat the disliked movies as tastes to follow (a lone 0.5 for The
      // Godfather would bring Part II first). Popular movies, pushed away from the dislikes.
      return Optional.of(blender.priorScores(logPopularity, profile));
    }
    return Optional.of(blender.userScores(als.userVector(history), profile));
  }

  /**
   * The top {@code n} candidates of {@code history}'s precomputed scores, under this instance's
   * weights for that history.
   */
  public List<ScoredMovie> recommend(UserHistory history, StandardScores scores, int n) {
    return blender.blend(scores, weightsFor(history), n);
  }

  /** As {@link #recommend(UserHistory, StandardScores, int)} under fixed weights. */
  public List<ScoredMovie> recommend(StandardScores scores, BlendWeights fixed, int n) {
    return blender.blend(scores, fixed, n);
  }

  @Override
  public List<ScoredMovie> recommend(UserHistory history, int n) {
    return standardScores(history)
        .map(scores -> recommend(history, scores, n))
        .orElseGet(() -> popularity.recommend(history, n));
  }

  @Override
  public float[] scores(UserHistory history) {
    Optional<StandardScores> scores = standardScores(history);
    if (scores.isEmpty()) {
      return popularity.scores(history);
    }
    return blender.blendAll(scores.get(), weightsFor(history));
  }

  /**
   * Movies most like this one under this instance's weights (with learned weights, the overall
   * one): its ALS factor cosine and its content cosine with every movie, blended like a user's
   * scores ("more like this"). Under pure weights the list is that model's own, scored by its
   * cosine. Empty for an unknown movie.
   */
  @Override
  public List<ScoredMovie> similarMovies(int movieId, int n) {
    BlendWeights used = weights != null ? weights : defaultWeights();
    if (used.equals(BlendWeights.ALS_ONLY)) {
      return als.similarMovies(movieId, n);
    }
    if (used.equals(BlendWeights.CONTENT_ONLY)) {
      return content.similarMovies(movieId, n);
    }
    return blender.movieScores(movieId).map(s -> blender.blend(s, used, n)).orElse(List.of());
  }

  /**
   * Up to {@code n} explanations from each model that has weight: for ALS the exact additive
   * contributions of the rated movies (largest first), for content the profile weight times the
   * cosine.
   */
  @Override
  public List<Explanation> explain(UserHistory history, int movieId, int n) {
    if (history.contains(movieId)) {
      return List.of();
    }
    List<Explanation> result = new ArrayList<>();
    BlendWeights used = weightsFor(history);
    if (used.alsWeight() > 0 && !history.onlyDislikes()) {
      als.explain(als.userVector(history), movieId, n)
          .forEach(
              m -> result.add(new Explanation(m.movieId(), m.alsScore(), Explanation.Side.ALS)));
    }
    if (used.contentWeight() > 0) {
      content
          .explain(history, movieId, n)
          .forEach(
              m ->
                  result.add(
                      new Explanation(m.movieId(), m.contentScore(), Explanation.Side.CONTENT)));
    }
    return List.copyOf(result);
  }

  /** Whether the movie's content vector is its genome or the genre/tag fallback. */
  public Optional<VectorKind> contentKind(int movieId) {
    return content.kindOf(movieId);
  }

  /** Names of the movie's most relevant genome tags; empty without a genome vector. */
  public List<String> strongestGenomeTags(int movieId, int n) {
    return content.strongestGenomeTags(movieId, n);
  }
}

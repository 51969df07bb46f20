package app.movierec.recommend;

import app.movierec.catalog.imports.DatasetReadyEvent;
import app.movierec.progress.Progress.Stage;
import app.movierec.progress.ProgressTracker;
import app.movierec.recommend.als.AlsConfig;
import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.als.AlsModelFiles;
import app.movierec.recommend.als.AlsTrainer;
import app.movierec.recommend.content.ContentModel;
import app.movierec.recommend.content.VectorKind;
import app.movierec.recommend.hybrid.UserScores;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The recommender's public API for the UI and the JSON API: recommendations for known users and
 * anonymous visitors, similar movies, explanations.
 *
 * <p>Lifecycle: on {@link DatasetReadyEvent} it fetches {@link TrainingData} from the {@code
 * trainingDataSupplier} bean and, on its own single background thread, loads the saved ALS model
 * under {@code movierec.model-dir} when one matches the data fingerprint and {@link AlsConfig}, or
 * trains and saves one, reporting to the {@link ProgressTracker}. The served models are one
 * immutable {@code ModelSnapshot} behind a volatile reference, swapped atomically after
 * (re)training. Until the first snapshot exists, {@link #ready()} is false and the query methods
 * throw {@link NotReadyException}.
 */
@Service
public class RecommendationService {

  private static final Logger log = LoggerFactory.getLogger(RecommendationService.class);
  private static final int EXPLANATIONS_PER_SIDE = 5;

  private final ProgressTracker progress;
  private final AlsConfig alsConfig;
  private final ObjectProvider<Supplier<TrainingData>> trainingData;
  private final Path modelDir;
  private final ExecutorService trainer =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "recommender-training");
            thread.setDaemon(true);
            return thread;
          });

  private volatile ModelSnapshot snapshot;

  public RecommendationService(
      ProgressTracker progress,
      AlsConfig alsConfig,
      @Qualifier("trainingDataSupplier") ObjectProvider<Supplier<TrainingData>> trainingData,
      // bound as text: Spring's String-to-Path conversion goes through resources and rejects "../"
      @Value("${movierec.model-dir:data/models}") String modelDir) {
    this.progress = progress;
    this.alsConfig = alsConfig;
    this.trainingData = trainingData;
    this.modelDir = Path.of(modelDir);
  }

  /**
   * Starts loading or training in the background; returns at once so the event publisher is not
   * blocked.
   */
  @EventListener
  public void onDatasetReady(DatasetReadyEvent event) {
    log.info(
        "Dataset {} ready (fingerprint {}), preparing the recommender",
        event.dataset(),
        event.fingerprint());
    submit(false);
  }

  /**
   * Retrains from fresh training data in the background, ignoring any saved model, and swaps the
   * result in when done; the current models keep serving meanwhile. The future completes when the
   * new snapshot is live (or failed).
   */
  public CompletableFuture<Void> retrain() {
    return submit(true);
  }

  private CompletableFuture<Void> submit(boolean forceTraining) {
    return CompletableFuture.runAsync(() -> loadOrTrain(forceTraining), trainer);
  }

  private void loadOrTrain(boolean forceTraining) {
    try {
      progress.update(Stage.TRAINING, "Reading training data", -1);
      Supplier<TrainingData> supplier = trainingData.getObject();
      TrainingData data = supplier.get();
      progress.update(Stage.TRAINING, "Building content vectors", 0);
      ContentModel content = ContentModel.build(data);
      String key = data.fingerprint() + "|" + alsConfig.cacheKey();
      Path file = modelDir.resolve("als-" + sha256(key).substring(0, 24) + ".bin");
      AlsModel als = forceTraining ? null : loadSaved(file, key);
      if (als == null) {
        als =
            new AlsTrainer(alsConfig)
                .train(
                    data,
                    (iteration, iterations) ->
                        progress.update(
                            Stage.TRAINING,
                            "ALS iteration " + iteration + " of " + iterations,
                            (double) iteration / iterations));
        save(als, key, file);
      }
      snapshot = new ModelSnapshot(data.fingerprint(), als, content, UserRatings.of(data));
      progress.ready(
          "Recommender ready: "
              + als.users().size()
              + " users, "
              + content.movies().size()
              + " movies");
    } catch (RuntimeException e) {
      log.error("Training the recommender failed", e);
      progress.failed("Training the recommender failed", String.valueOf(e.getMessage()));
      throw e;
    }
  }

  private AlsModel loadSaved(Path file, String key) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      if (!key.equals(AlsModelFiles.readKey(file))) {
        return null;
      }
      progress.update(Stage.TRAINING, "Loading the saved ALS model", -1);
      AlsModel model = AlsModelFiles.load(file);
      log.info("Loaded the saved ALS model {}", file);
      return model;
    } catch (IOException | RuntimeException e) {
      log.warn("Ignoring the unreadable saved model {}: {}", file, e.getMessage());
      return null;
    }
  }

  private void save(AlsModel als, String key, Path file) {
    try {
      AlsModelFiles.save(als, key, file);
      log.info("Saved the ALS model to {}", file);
      deleteOtherModels(file);
    } catch (IOException e) {
      // serving works without the file; the next start just trains again
      log.warn("Could not save the ALS model to {}: {}", file, e.getMessage());
    }
  }

  /** Models of older data or settings would never be loaded again; keep only the current one. */
  private static void deleteOtherModels(Path current) throws IOException {
    try (var files = Files.list(current.getParent())) {
      for (Path other : files.toList()) {
        String name = other.getFileName().toString();
        if (!other.equals(current) && name.startsWith("als-") && name.endsWith(".bin")) {
          Files.deleteIfExists(other);
        }
      }
    }
  }

  @PreDestroy
  void shutdown() {
    trainer.shutdownNow();
  }

  /**
   * Whether a trained model is serving (the progress tracker tells how far training got otherwise).
   */
  public boolean ready() {
    return snapshot != null;
  }

  /** Whether the trained model knows this user (has their ratings); false while not ready. */
  public boolean knowsUser(long userId) {
    ModelSnapshot current = snapshot;
    return current != null && current.ratings.knowsUser(userId);
  }

  /**
   * The user's top {@code n} unrated movies under a mode; for {@link Mode#HYBRID} with {@code
   * alsWeight} (content gets {@code 1 - alsWeight}), ignored otherwise. Weight changes reuse the
   * user's cached score vectors.
   *
   * @throws UnknownUserException when the model has no ratings of this user
   */
  public List<ScoredMovie> recommend(long userId, Mode mode, double alsWeight, int n) {
    ModelSnapshot current = current();
    BlendWeights weights = BlendWeights.forMode(mode, alsWeight);
    Map<Long, Double> ratings =
        current.ratings.ratingsOf(userId).orElseThrow(() -> new UnknownUserException(userId));
    UserScores scores =
        current.userScores(
            userId,
            () ->
                current.hybrid.userScores(
                    current.als.userVector(userId).orElseGet(() -> current.als.foldIn(ratings)),
                    current.content.profile(ratings)));
    return current.hybrid.blend(scores, weights, n);
  }

  /**
   * Recommendations for an anonymous visitor from their ratings by movieId: an ALS fold-in and a
   * content profile, no retraining. Unknown movies are ignored; with no known movie at all the list
   * is empty.
   */
  public List<ScoredMovie> recommendForRatings(
      Map<Long, Double> ratingsByMovieId, Mode mode, double alsWeight, int n) {
    ModelSnapshot current = current();
    BlendWeights weights = BlendWeights.forMode(mode, alsWeight);
    ContentModel.Profile profile = current.content.profile(ratingsByMovieId);
    if (profile.ratedMovieRows().length == 0) {
      return List.of();
    }
    UserScores scores = current.hybrid.userScores(current.als.foldIn(ratingsByMovieId), profile);
    return current.hybrid.blend(scores, weights, n);
  }

  /**
   * Movies closest in content (genome or fallback cosine), the movie itself excluded; empty for
   * unknown movies.
   */
  public List<ScoredMovie> similarByContent(long movieId, int n) {
    return current().content.similarMovies(movieId, n).stream()
        .map(m -> new ScoredMovie(m.movieId(), m.score(), Double.NaN, m.score()))
        .toList();
  }

  /**
   * Movies closest in ALS factor space (cosine), the movie itself excluded; empty for movies nobody
   * rated.
   */
  public List<ScoredMovie> similarByAls(long movieId, int n) {
    return current().als.similarMovies(movieId, n).stream()
        .map(m -> new ScoredMovie(m.movieId(), m.score(), m.score(), Double.NaN))
        .toList();
  }

  /**
   * Which of the user's rated movies drove {@code movieId}'s score: up to five from ALS (exact
   * additive contributions, largest first) then up to five from content (profile weight x cosine).
   *
   * @throws UnknownUserException when the model has no ratings of this user
   */
  public List<Explanation> explain(long userId, long movieId) {
    ModelSnapshot current = current();
    Map<Long, Double> ratings =
        current.ratings.ratingsOf(userId).orElseThrow(() -> new UnknownUserException(userId));
    AlsModel.UserVector user =
        current.als.userVector(userId).orElseGet(() -> current.als.foldIn(ratings));
    return explanations(current, user, ratings, movieId);
  }

  /**
   * As {@link #explain(long, long)} for an anonymous visitor's ratings by movieId (ALS side from
   * the fold-in). Unknown movies are ignored.
   */
  public List<Explanation> explainForRatings(Map<Long, Double> ratingsByMovieId, long movieId) {
    ModelSnapshot current = current();
    return explanations(current, current.als.foldIn(ratingsByMovieId), ratingsByMovieId, movieId);
  }

  private static List<Explanation> explanations(
      ModelSnapshot current, AlsModel.UserVector user, Map<Long, Double> ratings, long movieId) {
    List<Explanation> result = new ArrayList<>();
    current
        .als
        .explain(user, movieId, EXPLANATIONS_PER_SIDE)
        .forEach(m -> result.add(new Explanation(m.movieId(), m.score(), Explanation.Side.ALS)));
    current
        .content
        .explain(ratings, movieId, EXPLANATIONS_PER_SIDE)
        .forEach(
            m -> result.add(new Explanation(m.movieId(), m.score(), Explanation.Side.CONTENT)));
    return List.copyOf(result);
  }

  /**
   * Whether the movie's content vector is its genome or the genre/tag fallback; empty for unknown
   * movies.
   */
  public Optional<VectorKind> contentVectorKind(long movieId) {
    return current().content.kindOf(movieId);
  }

  /** Names of the movie's most relevant genome tags; empty without a genome vector or tag names. */
  public List<String> strongestGenomeTags(long movieId, int n) {
    return current().content.strongestGenomeTags(movieId, n);
  }

  /**
   * The snapshot serving now, for {@link UserRecommendations}; throws {@link NotReadyException}
   * before the first.
   */
  ModelSnapshot current() {
    ModelSnapshot current = snapshot;
    if (current == null) {
      throw new NotReadyException();
    }
    return current;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

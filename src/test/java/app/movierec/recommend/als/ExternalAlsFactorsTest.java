package app.movierec.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.movierec.catalog.imports.MovieLensFolder;
import app.movierec.common.ScoredMovie;
import app.movierec.common.TrainingData;
import app.movierec.common.UserHistory;
import app.movierec.recommend.EngineTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing factors exported by the Spark job. The fixture {@code engine/spark-export} is the job's
 * real output for the hand-made {@code engine/mini-movielens} ratings (see the fixture folder's
 * README for the command), so these tests check the app against what Spark actually computes.
 */
class ExternalAlsFactorsTest {

  private static final Path MINI = Path.of("src/test/resources/engine/mini-movielens");
  private static final Path EXPORT = Path.of("src/test/resources/engine/spark-export");
  private static final TrainingData DATA = MovieLensFolder.load(MINI, null);

  @TempDir Path folder;

  @Test
  void imports_every_exported_factor_bit_for_bit_with_the_matching_config() throws IOException {
    ExternalAlsFactors.Imported imported = ExternalAlsFactors.load(EXPORT, DATA);
    AlsModel model = imported.model();

    assertThat(model.config())
        .isEqualTo(new AlsConfig(4, 0.05, true, 2.0, AlsConfig.Confidence.LINEAR, 10, 0, 42));
    Map<Integer, float[]> users = readFactors(EXPORT.resolve("user-factors.csv"));
    Map<Integer, float[]> movies = readFactors(EXPORT.resolve("item-factors.csv"));
    assertThat(model.users().ids()).containsExactlyInAnyOrder(keys(users));
    assertThat(model.movies().ids()).containsExactlyInAnyOrder(keys(movies));
    users.forEach(
        (userId, factors) ->
            assertThat(model.trainedVector(userId).orElseThrow().factors())
                .containsExactly(factors));
    movies.forEach(
        (movieId, factors) -> {
          int row = model.movies().rowOf(movieId);
          assertThat(Arrays.copyOfRange(model.itemFactorMatrix(), row * 4, row * 4 + 4))
              .containsExactly(factors);
        });
    assertThat(imported.droppedUsers()).isZero();
    assertThat(imported.droppedMovies()).isZero();
    assertThat(imported.usersWithoutFactors()).isZero();
    assertThat(imported.properties()).containsEntry("sparkVersion", "4.2.0");
    assertThat(imported.summary()).contains("8 users").contains("rank 4");
  }

  @Test
  void fold_in_of_a_users_own_ratings_reproduces_sparks_user_factor() throws IOException {
    AlsModel model = ExternalAlsFactors.load(EXPORT, DATA).model();

    for (int userId : model.users().ids()) {
      float[] exported = model.trainedVector(userId).orElseThrow().factors();
      float[] folded = model.foldIn(EngineTestData.historyOf(DATA, userId)).factors();
      assertThat(SparkModelQualityTest.relativeDistance(folded, exported))
          .as("user %d: folded %s, Spark %s", userId, Arrays.toString(folded), exported)
          .isLessThan(1e-4);
    }
  }

  @Test
  void rated_movies_and_confidences_come_from_the_apps_ratings() throws IOException {
    AlsModel model = ExternalAlsFactors.load(EXPORT, DATA).model();
    UserHistory user1 = EngineTestData.historyOf(DATA, 1);

    AlsModel.UserVector vector = model.trainedVector(1).orElseThrow();
    List<Integer> rated = new ArrayList<>();
    for (int k = 0; k < vector.ratedItemRows().length; k++) {
      int movieId = model.movies().idAt(vector.ratedItemRows()[k]);
      rated.add(movieId);
      assertThat(vector.confidences()[k])
          .isCloseTo((float) (1 + 2.0 * user1.ratingOf(movieId)), within(1e-6f));
    }
    List<Integer> user1Movies = Arrays.stream(user1.movieIds()).boxed().toList();
    assertThat(rated).containsExactlyInAnyOrderElementsOf(user1Movies).isSorted();
    assertThat(model.recommend(user1, 20))
        .extracting(ScoredMovie::movieId)
        .isNotEmpty()
        .doesNotContainAnyElementsOf(user1Movies);
  }

  @Test
  void similar_movies_and_explanations_work_on_imported_factors() throws IOException {
    AlsModel model = ExternalAlsFactors.load(EXPORT, DATA).model();

    assertThat(model.similarMovies(1, 3))
        .hasSize(3)
        .extracting(ScoredMovie::movieId)
        .doesNotContain(1);
    AlsModel.UserVector user1 = model.trainedVector(1).orElseThrow();
    ScoredMovie top = model.recommend(user1, 1).getFirst();
    List<ScoredMovie> reasons = model.explain(user1, top.movieId(), 100);
    // the contributions of all rated movies add up to the score (implicit's explain)
    assertThat(reasons.stream().mapToDouble(ScoredMovie::score).sum())
        .isCloseTo(top.score(), within(1e-3));
  }

  @Test
  void ids_the_app_lacks_are_dropped_and_counted() throws IOException {
    // the app without user 1's ratings and without movie 2 in its catalogue
    TrainingData smaller = without(DATA, 1, 2);

    ExternalAlsFactors.Imported imported = ExternalAlsFactors.load(EXPORT, smaller);

    assertThat(imported.droppedUsers()).isEqualTo(1);
    assertThat(imported.droppedMovies()).isEqualTo(1);
    assertThat(imported.model().trainedVector(1)).isEmpty();
    assertThat(imported.model().movies().contains(2)).isFalse();
    assertThat(imported.summary()).contains("dropped 1 users and 1 movies");
  }

  @Test
  void users_and_movies_the_export_lacks_get_no_row() throws IOException {
    // a visitor (999) who rated movie 1 and a movie (9999) new to the catalogue
    int[] movieIds = Arrays.copyOf(DATA.movieIds(), DATA.movieIds().length + 1);
    movieIds[movieIds.length - 1] = 9999;
    List<List<String>> genres = new ArrayList<>(DATA.genres());
    genres.add(List.of("Drama"));
    TrainingData larger =
        new TrainingData(
            "larger",
            movieIds,
            genres,
            DATA.userTags(),
            DATA.genome(),
            append(DATA.ratingUserIds(), 999, 999),
            append(DATA.ratingMovieIds(), 1, 9999),
            appendFloats(DATA.ratings(), 4.0f, 5.0f),
            DATA.genomeTagNames());

    ExternalAlsFactors.Imported imported = ExternalAlsFactors.load(EXPORT, larger);

    assertThat(imported.usersWithoutFactors()).isEqualTo(1);
    assertThat(imported.moviesWithoutFactors()).isEqualTo(1);
    AlsModel model = imported.model();
    assertThat(model.trainedVector(999)).isEmpty();
    assertThat(model.similarMovies(9999, 5)).isEmpty();
    // the visitor can still be folded in from what they rated
    assertThat(model.recommend(model.foldIn(EngineTestData.anonymous(1, 4.0, 9999, 5.0)), 3))
        .hasSize(3);
  }

  @Test
  void a_factor_line_of_the_wrong_length_names_the_file_and_line() throws IOException {
    Path export = copyOfExport();
    List<String> lines = new ArrayList<>(Files.readAllLines(export.resolve("item-factors.csv")));
    lines.set(2, lines.get(2).substring(0, lines.get(2).lastIndexOf(',')));
    Files.write(export.resolve("item-factors.csv"), lines);

    assertThatThrownBy(() -> ExternalAlsFactors.load(export, DATA))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("item-factors.csv:3")
        .hasMessageContaining("expected an id and 4 factors, found 4 fields");
  }

  @Test
  void a_rank_other_than_the_files_is_a_clear_error() throws IOException {
    Path export = copyOfExport();
    replaceInProperties(export, "rank=4", "rank=5");

    assertThatThrownBy(() -> ExternalAlsFactors.load(export, DATA))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("-factors.csv")
        .hasMessageContaining("4 factor columns, but model.properties says rank 5");
  }

  @Test
  void a_truncated_factor_file_is_detected() throws IOException {
    Path export = copyOfExport();
    List<String> lines = Files.readAllLines(export.resolve("user-factors.csv"));
    Files.write(export.resolve("user-factors.csv"), lines.subList(0, lines.size() - 1));

    assertThatThrownBy(() -> ExternalAlsFactors.load(export, DATA))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("user-factors.csv has 7 rows, but model.properties says 8");
  }

  @Test
  void a_folder_without_model_properties_is_not_an_export() throws IOException {
    Path export = copyOfExport();
    Files.delete(export.resolve("model.properties"));

    assertThatThrownBy(() -> ExternalAlsFactors.load(export, DATA))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a finished ALS factor export")
        .hasMessageContaining("model.properties");
  }

  @Test
  void other_format_versions_and_explicit_or_nonnegative_models_are_refused() throws IOException {
    Path newer = copyOfExport();
    replaceInProperties(newer, "formatVersion=1", "formatVersion=2");
    Path explicit = copyOfExport();
    replaceInProperties(explicit, "implicitPrefs=true", "implicitPrefs=false");
    Path nonnegative = copyOfExport();
    replaceInProperties(nonnegative, "nonnegative=false", "nonnegative=true");

    assertThatThrownBy(() -> ExternalAlsFactors.load(newer, DATA))
        .hasMessageContaining("format version 2, this app reads version 1");
    assertThatThrownBy(() -> ExternalAlsFactors.load(explicit, DATA))
        .hasMessageContaining("implicitPrefs must be true");
    assertThatThrownBy(() -> ExternalAlsFactors.load(nonnegative, DATA))
        .hasMessageContaining("nonnegative must be false");
  }

  @Test
  void an_imported_model_round_trips_through_the_apps_model_files() throws IOException {
    AlsModel model = ExternalAlsFactors.load(EXPORT, DATA).model();
    Path file = folder.resolve("als.bin");

    AlsModelFiles.save(model, "spark", file);
    AlsModel loaded = AlsModelFiles.load(file);

    assertThat(loaded.config()).isEqualTo(model.config());
    assertThat(loaded.userFactorMatrix()).containsExactly(model.userFactorMatrix());
    assertThat(loaded.itemFactorMatrix()).containsExactly(model.itemFactorMatrix());
    UserHistory user3 = EngineTestData.historyOf(DATA, 3);
    assertThat(loaded.recommend(user3, 5)).isEqualTo(model.recommend(user3, 5));
  }

  private Path copyOfExport() throws IOException {
    Path copy = Files.createDirectories(folder.resolve("export-" + System.nanoTime()));
    try (Stream<Path> files = Files.list(EXPORT)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    return copy;
  }

  private static void replaceInProperties(Path export, String from, String to) throws IOException {
    Path file = export.resolve("model.properties");
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static Map<Integer, float[]> readFactors(Path file) throws IOException {
    Map<Integer, float[]> factors = new HashMap<>();
    for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
      String[] fields = line.split(",");
      float[] values = new float[fields.length - 1];
      for (int d = 0; d < values.length; d++) {
        values[d] = Float.parseFloat(fields[d + 1]);
      }
      factors.put(Integer.parseInt(fields[0]), values);
    }
    return factors;
  }

  private static int[] keys(Map<Integer, float[]> factors) {
    return factors.keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  /** {@code data} without the ratings of {@code userId} and without {@code movieId}. */
  private static TrainingData without(TrainingData data, int userId, int movieId) {
    List<Integer> keep = new ArrayList<>();
    for (int k = 0; k < data.ratingCount(); k++) {
      if (data.ratingUserIds()[k] != userId && data.ratingMovieIds()[k] != movieId) {
        keep.add(k);
      }
    }
    int[] users = keep.stream().mapToInt(k -> data.ratingUserIds()[k]).toArray();
    int[] movies = keep.stream().mapToInt(k -> data.ratingMovieIds()[k]).toArray();
    float[] stars = new float[keep.size()];
    for (int i = 0; i < stars.length; i++) {
      stars[i] = data.ratings()[keep.get(i)];
    }
    List<Integer> catalogueRows = new ArrayList<>();
    for (int row = 0; row < data.movieIds().length; row++) {
      if (data.movieIds()[row] != movieId) {
        catalogueRows.add(row);
      }
    }
    return new TrainingData(
        "without",
        catalogueRows.stream().mapToInt(row -> data.movieIds()[row]).toArray(),
        catalogueRows.stream().map(row -> data.genres().get(row)).toList(),
        data.userTags(),
        data.genome(),
        users,
        movies,
        stars,
        data.genomeTagNames());
  }

  private static int[] append(int[] values, int... more) {
    int[] result = Arrays.copyOf(values, values.length + more.length);
    System.arraycopy(more, 0, result, values.length, more.length);
    return result;
  }

  private static float[] appendFloats(float[] values, float... more) {
    float[] result = Arrays.copyOf(values, values.length + more.length);
    System.arraycopy(more, 0, result, values.length, more.length);
    return result;
  }
}

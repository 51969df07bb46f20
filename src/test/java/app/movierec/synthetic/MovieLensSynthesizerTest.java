package app.movierec.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.catalog.imports.MovieLensFolder;
import app.movierec.common.ProgressListener;
import app.movierec.common.TrainingData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic folders at small sizes: the shape asked for, in formats the real reader accepts. */
class MovieLensSynthesizerTest {

  private static final SyntheticShape SMALL = new SyntheticShape(300, 400, 30_000, 2_000, 80, 50);

  @TempDir Path folder;

  @Test
  void writes_a_folder_the_validating_reader_accepts_in_the_shape_asked_for() throws IOException {
    MovieLensSynthesizer.Summary summary =
        new MovieLensSynthesizer(SMALL, 42).write(folder, ProgressListener.NONE);

    TrainingData data = MovieLensFolder.load(folder, null);

    assertThat(data.movieIds()).hasSize(400);
    assertThat(data.ratingCount()).isEqualTo(30_000);
    Map<Integer, Integer> perUser = new HashMap<>();
    for (int userId : data.ratingUserIds()) {
      perUser.merge(userId, 1, Integer::sum);
    }
    assertThat(perUser).hasSize(300);
    assertThat(perUser.keySet()).allSatisfy(userId -> assertThat(userId).isBetween(1, 300));
    assertThat(perUser.values())
        .allSatisfy(count -> assertThat(count).isBetween(SyntheticShape.MIN_RATINGS_PER_USER, 200));
    for (float rating : data.ratings()) {
      assertThat(rating * 2).isBetween(1f, 10f).isEqualTo((float) Math.round(rating * 2));
    }
    assertThat(data.userTags().size()).isEqualTo(2_000);
    assertThat(data.genome().size()).isEqualTo(80);
    assertThat(data.genome().dimension()).isEqualTo(50);
    assertThat(data.genomeTagNames()).hasSize(50).doesNotHaveDuplicates();
    assertThat(lines("links.csv")).hasSize(401);
    assertThat(lines("genome-scores.csv")).hasSize(80 * 50 + 1);
    assertThat(summary.ratedMovies()).isLessThanOrEqualTo(400).isGreaterThan(300);
    assertThat(summary.bytes()).isEqualTo(folderBytes());
  }

  @Test
  void writes_the_real_formats_including_their_ugly_cases() throws IOException {
    new MovieLensSynthesizer(new SyntheticShape(300, 2_000, 30_000, 5_000, 80, 50), 7)
        .write(folder, ProgressListener.NONE);

    List<String> movies = lines("movies.csv");
    assertThat(movies.getFirst()).isEqualTo("movieId,title,genres");
    assertThat(movies).anyMatch(line -> line.matches("\\d+,\"[^\"]*, The \\(\\d{4}\\)\",.*"));
    assertThat(movies).anyMatch(line -> line.matches("\\d+,\"\"\"\\p{L}+\"\" .*"));
    assertThat(movies).anyMatch(line -> line.endsWith(",(no genres listed)"));
    assertThat(movies).anyMatch(line -> line.matches("\\d+,[^,]+ \\(\\d{4}\\),\\w+(\\|[\\w-]+)+"));
    assertThat(movies).anyMatch(line -> !line.matches("[\\x00-\\x7F]*")); // UTF-8 titles
    assertThat(lines("ratings.csv").get(1)).matches("1,\\d+,[0-5]\\.[05],\\d{9,10}");
    assertThat(lines("links.csv")).anyMatch(line -> line.matches("\\d+,0\\d{6},\\d+"));
    assertThat(lines("tags.csv").getFirst()).isEqualTo("userId,movieId,tag,timestamp");
    assertThat(lines("tags.csv"))
        .anyMatch(line -> line.matches("\\d+,\\d+,\"[^\"]+, [^\"]+\",\\d+"));
    assertThat(lines("genome-scores.csv").get(1)).matches("\\d+,1,[01]\\.\\d{5}");
    assertThat(lines("genome-tags.csv").get(1)).matches("1,.+");
  }

  @Test
  void the_same_seed_gives_the_same_bytes_whatever_the_threads() throws IOException {
    Path one = folder.resolve("one");
    Path three = folder.resolve("three");
    Path other = folder.resolve("other");
    new MovieLensSynthesizer(SMALL, 42, 1).write(one, ProgressListener.NONE);
    new MovieLensSynthesizer(SMALL, 42, 3).write(three, ProgressListener.NONE);
    new MovieLensSynthesizer(SMALL, 43, 2).write(other, ProgressListener.NONE);

    for (String file : MovieLensSynthesizer.FILES) {
      assertThat(three.resolve(file)).as(file).hasSameBinaryContentAs(one.resolve(file));
    }
    assertThat(Files.readAllBytes(other.resolve("ratings.csv")))
        .isNotEqualTo(Files.readAllBytes(one.resolve("ratings.csv")));
  }

  @Test
  void without_genome_movies_there_are_no_genome_files() throws IOException {
    new MovieLensSynthesizer(new SyntheticShape(50, 100, 2_000, 10, 0, 10), 1)
        .write(folder, ProgressListener.NONE);

    assertThat(folder.resolve("genome-scores.csv")).doesNotExist();
    assertThat(folder.resolve("genome-tags.csv")).doesNotExist();
    assertThat(MovieLensFolder.load(folder, null).genome().isEmpty()).isTrue();
  }

  @Test
  void the_default_shape_is_ml_25m_and_other_sizes_keep_its_proportions() {
    SyntheticShape ml25m = SyntheticShape.ml25m();
    assertThat(ml25m)
        .isEqualTo(new SyntheticShape(162_541, 62_423, 25_000_095, 1_093_360, 13_816, 1_128));
    assertThat(ml25m.genomeScores()).isEqualTo(15_584_448);
    assertThat(SyntheticShape.scaledTo(25_000_095)).isEqualTo(ml25m);

    SyntheticShape million = SyntheticShape.scaledTo(1_000_000);
    assertThat(million.users()).isEqualTo(6_502);
    assertThat(million.movies()).isBetween(8_000, 10_000);
    assertThat(million.genomeTags()).isEqualTo(1_128);
    assertThat(SyntheticShape.of(100_000, 1_000, 500, null, null, null))
        .isEqualTo(
            new SyntheticShape(
                1_000, 500, 100_000, SyntheticShape.scaledTo(100_000).tags(), 111, 1_128));
  }

  @Test
  void refuses_shapes_it_cannot_draw_and_says_what_would_work() {
    assertThatThrownBy(() -> new SyntheticShape(1_000, 100, 10_000, 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("every user rates at least 20")
        .hasMessageContaining("at most 500 users");
    assertThatThrownBy(() -> new SyntheticShape(10, 100, 10_000, 0, 0, 1))
        .hasMessageContaining("a user rates at most 50 movies");
    assertThatThrownBy(() -> new SyntheticShape(10, 100, 500, 0, 101, 1))
        .hasMessageContaining("genome movies");
  }

  @Test
  void counts_add_up_exactly_within_their_bounds() {
    double[] weights = {1, 1000, 3, 0.5, 7, 1e9};
    int[] counts = PlantedModel.exactCounts(weights, 400, 20, 200);
    assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(400);
    assertThat(java.util.Arrays.stream(counts).min().orElseThrow()).isEqualTo(20);
    assertThat(java.util.Arrays.stream(counts).max().orElseThrow()).isEqualTo(200);
    assertThat(counts[5]).isEqualTo(200);
  }

  private List<String> lines(String file) throws IOException {
    return Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8);
  }

  private long folderBytes() throws IOException {
    long bytes = 0;
    for (String file : MovieLensSynthesizer.FILES) {
      bytes += Files.size(folder.resolve(file));
    }
    return bytes;
  }
}

package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.common.GenomeMatrix;
import app.movierec.common.MovieTags;
import app.movierec.common.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingSnapshotTest {

  @TempDir Path folder;

  @Test
  void reads_back_exactly_what_was_written() throws IOException {
    TrainingData data = EngineTestData.randomLongTail(40, 30, 12, 10, 7);
    Path file = folder.resolve("training.bin");

    TrainingSnapshot.write(data, file);
    TrainingData read = TrainingSnapshot.read(file);

    assertSame(read, data);
    assertThat(TrainingSnapshot.readFingerprint(file)).isEqualTo(data.fingerprint());
  }

  @Test
  void keeps_the_order_of_ratings_and_stars_that_are_not_half_stars() throws IOException {
    TrainingData data =
        new TrainingData(
            "odd",
            new int[] {1, 2, 3},
            List.of(List.of("Comedy"), List.of(), List.of("Comedy", "Drama")),
            MovieTags.builder().add(3, "Åsa's \"pick\"").build(),
            GenomeMatrix.NONE,
            new int[] {7, 7, 1_000_000_000, 7, 2},
            new int[] {3, 1, 2, 2, 1},
            new float[] {4.5f, 0.3f, 5f, 1f, 2.5f},
            List.of());
    Path file = folder.resolve("training.bin");

    TrainingSnapshot.write(data, file);

    assertSame(TrainingSnapshot.read(file), data);
  }

  @Test
  void a_truncated_or_foreign_file_is_refused() throws IOException {
    Path file = folder.resolve("training.bin");
    TrainingSnapshot.write(EngineTestData.randomLongTail(40, 30, 12, 10, 7), file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 9));

    assertThatThrownBy(() -> TrainingSnapshot.read(file)).isInstanceOf(IOException.class);
    Files.writeString(file, "not a snapshot at all");
    assertThatThrownBy(() -> TrainingSnapshot.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a training-data snapshot");
  }

  static void assertSame(TrainingData read, TrainingData data) {
    assertThat(read.fingerprint()).isEqualTo(data.fingerprint());
    assertThat(read.movieIds()).isEqualTo(data.movieIds());
    assertThat(read.genres()).isEqualTo(data.genres());
    for (int movieId : data.movieIds()) {
      assertThat(read.userTags().of(movieId)).isEqualTo(data.userTags().of(movieId));
    }
    assertThat(read.userTags().size()).isEqualTo(data.userTags().size());
    assertThat(read.genome().movieIds()).isEqualTo(data.genome().movieIds());
    assertThat(read.genome().relevance()).isEqualTo(data.genome().relevance());
    assertThat(read.genome().dimension()).isEqualTo(data.genome().dimension());
    assertThat(read.genomeTagNames()).isEqualTo(data.genomeTagNames());
    assertThat(read.ratingUserIds()).isEqualTo(data.ratingUserIds());
    assertThat(read.ratingMovieIds()).isEqualTo(data.ratingMovieIds());
    assertThat(read.ratings()).isEqualTo(data.ratings());
  }
}

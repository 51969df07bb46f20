package app.movierec.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.movierec.common.ProgressListener;
import app.movierec.common.TrainingData;
import app.movierec.recommend.EngineTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlsModelFilesTest {

  @TempDir Path folder;

  @Test
  void save_and_load_round_trip_exactly() throws IOException {
    TrainingData data = EngineTestData.randomLongTail(40, 30, 10, 0, 5);
    AlsModel model =
        new AlsTrainer(AlsConfig.defaults().withFactors(6).withIterations(4))
            .train(data, ProgressListener.NONE);
    Path file = folder.resolve("models/als.bin");

    AlsModelFiles.save(model, "data-1|" + model.config().cacheKey(), file);
    AlsModel loaded = AlsModelFiles.load(file);

    assertThat(AlsModelFiles.readKey(file)).isEqualTo("data-1|" + model.config().cacheKey());
    assertThat(loaded.config()).isEqualTo(model.config());
    assertThat(loaded.users()).isEqualTo(model.users());
    assertThat(loaded.movies()).isEqualTo(model.movies());
    assertThat(loaded.userFactorMatrix()).containsExactly(model.userFactorMatrix());
    assertThat(loaded.itemFactorMatrix()).containsExactly(model.itemFactorMatrix());
    assertThat(loaded.userConfidences()).containsExactly(model.userConfidences());
    assertThat(loaded.recommend(EngineTestData.historyOf(data, 3), 10))
        .isEqualTo(model.recommend(EngineTestData.historyOf(data, 3), 10));
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void loading_something_else_fails_with_a_clear_message() throws IOException {
    Path file = folder.resolve("not-a-model.bin");
    Files.writeString(file, "hello world");

    assertThatThrownBy(() -> AlsModelFiles.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not an ALS model file");
  }
}

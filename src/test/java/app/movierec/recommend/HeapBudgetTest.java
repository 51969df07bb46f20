package app.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.TrainingData;
import app.movierec.recommend.als.AlsConfig;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HeapBudgetTest {

  private static final TrainingData DATA = EngineTestData.randomLongTail(200, 100, 20, 10, 3);

  @Test
  void asks_for_a_few_gigabytes_at_ml_25m_shape_and_less_without_training() {
    long training =
        HeapBudget.neededBytes(25_000_095, 162_541, 62_423, 13_816L * 1_128, 128, true, 5_000_000);
    long servingSaved =
        HeapBudget.neededBytes(25_000_095, 162_541, 62_423, 13_816L * 1_128, 128, false, 0);

    assertThat(HeapBudget.gigabytes(training)).isBetween(3L, 5L);
    assertThat(servingSaved).isLessThan(training);
  }

  @Test
  void a_heap_smaller_than_the_estimate_gets_a_warning_with_the_xmx_to_use() {
    long needed = HeapBudget.neededBytes(DATA, AlsConfig.defaults(), true, true);

    assertThat(HeapBudget.check(DATA, AlsConfig.defaults(), true, true, needed)).isEmpty();
    assertThat(HeapBudget.check(DATA, AlsConfig.defaults(), true, true, needed - 1))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains("too small for 4,000 ratings")
                    .contains("-Xmx" + HeapBudget.gigabytes(needed) + "g"));
  }

  @Test
  void the_summary_names_the_estimate_the_xmx_and_the_heap_at_hand() {
    long needed = HeapBudget.neededBytes(DATA, AlsConfig.defaults(), true, true);

    assertThat(HeapBudget.summary(DATA, AlsConfig.defaults(), true, true, 6L << 30))
        .isEqualTo(
            String.format(
                Locale.ROOT,
                "Heap estimate: about %,d MB for 4,000 ratings (-Xmx%dg); this JVM may use 6,144 MB",
                needed >> 20,
                HeapBudget.gigabytes(needed)));
  }

  @Test
  void out_of_memory_advice_names_a_larger_heap() {
    assertThat(HeapBudget.outOfMemoryAdvice()).contains("-Xmx").contains("README");
  }
}

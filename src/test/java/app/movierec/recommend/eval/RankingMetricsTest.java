package app.movierec.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  // hits at ranks 1 and 3 of 5; 4 relevant movies in total
  private static final int[] RECOMMENDED = {10, 20, 30, 40, 50};
  private static final Set<Integer> RELEVANT = Set.of(10, 30, 70, 80);

  @Test
  void precision_counts_hits_per_slot() {
    assertThat(RankingMetrics.precisionAtK(RECOMMENDED, RELEVANT, 5)).isEqualTo(2.0 / 5);
    assertThat(RankingMetrics.precisionAtK(RECOMMENDED, RELEVANT, 1)).isEqualTo(1.0);
    // a list shorter than k counts the empty places as misses
    assertThat(RankingMetrics.precisionAtK(new int[] {10}, RELEVANT, 4)).isEqualTo(0.25);
  }

  @Test
  void recall_counts_hits_per_relevant_movie() {
    assertThat(RankingMetrics.recallAtK(RECOMMENDED, RELEVANT, 5)).isEqualTo(2.0 / 4);
    assertThat(RankingMetrics.recallAtK(RECOMMENDED, RELEVANT, 2)).isEqualTo(1.0 / 4);
  }

  @Test
  void ndcg_discounts_by_log2_of_the_rank_against_the_ideal_list() {
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal with min(5, 4) = 4 hits = 1 + 1/log2(3) + 1/2 +
    // 1/log2(5)
    double ideal = 1 + 1 / log2(3) + 0.5 + 1 / log2(5);
    assertThat(RankingMetrics.ndcgAtK(RECOMMENDED, RELEVANT, 5))
        .isCloseTo(1.5 / ideal, within(1e-12));
    // k = 2: DCG = 1, ideal = 1 + 1/log2(3)
    assertThat(RankingMetrics.ndcgAtK(RECOMMENDED, RELEVANT, 2))
        .isCloseTo(1 / (1 + 1 / log2(3)), within(1e-12));
    assertThat(RankingMetrics.ndcgAtK(new int[] {10, 30}, Set.of(10, 30), 10)).isEqualTo(1.0);
  }

  @Test
  void average_precision_averages_precision_at_each_hit() {
    // hits at 1 (precision 1) and 3 (precision 2/3), divided by min(5, 4) = 4
    assertThat(RankingMetrics.averagePrecisionAtK(RECOMMENDED, RELEVANT, 5))
        .isCloseTo((1 + 2.0 / 3) / 4, within(1e-12));
    assertThat(RankingMetrics.averagePrecisionAtK(new int[] {1, 10}, Set.of(10), 5)).isEqualTo(0.5);
  }

  @Test
  void no_relevant_movies_scores_zero() {
    assertThat(RankingMetrics.recallAtK(RECOMMENDED, Set.of(), 5)).isZero();
    assertThat(RankingMetrics.ndcgAtK(RECOMMENDED, Set.of(), 5)).isZero();
    assertThat(RankingMetrics.averagePrecisionAtK(RECOMMENDED, Set.of(), 5)).isZero();
  }

  @Test
  void coverage_is_the_share_of_the_catalogue_recommended_to_anyone() {
    assertThat(RankingMetrics.catalogueCoverage(List.of(new int[] {1, 2}, new int[] {2, 3}), 10))
        .isEqualTo(0.3);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}

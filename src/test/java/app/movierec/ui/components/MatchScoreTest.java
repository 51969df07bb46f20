package app.movierec.ui.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.movierec.common.ScoredMovie;
import app.movierec.recommend.hybrid.BlendWeights;
import org.junit.jupiter.api.Test;

/** What a card says about a score: the standard-normal percentile, similarity, popularity. */
class MatchScoreTest {

  @Test
  void the_match_is_the_standard_normal_percentile_of_the_z_score() {
    assertThat(MatchScore.standardNormalCdf(0)).isCloseTo(0.5, within(1e-7));
    assertThat(MatchScore.standardNormalCdf(1)).isCloseTo(0.841345, within(1e-6));
    assertThat(MatchScore.standardNormalCdf(-1.96)).isCloseTo(0.024998, within(1e-6));

    ScoredMovie average = new ScoredMovie(1, 0.0, 0.0, 0.0);
    ScoredMovie oneSdAbove = ScoredMovie.byAls(2, 1.0);
    assertThat(MatchScore.recommendationBadge(average, BlendWeights.ALS_ONLY))
        .isEqualTo("50% match");
    assertThat(MatchScore.recommendationBadge(oneSdAbove, BlendWeights.ALS_ONLY))
        .isEqualTo("84% match");
  }

  @Test
  void a_blended_score_is_divided_by_its_spread_first_and_top_picks_stop_at_99() {
    BlendWeights half = BlendWeights.ofAlsWeight(0.5);
    // 0.5 z + 0.5 z' with both at 1: the blend is 1, its spread sqrt(0.5), so z = 1.41
    ScoredMovie blended = new ScoredMovie(3, 1.0, 1.0, 1.0);
    assertThat(MatchScore.matchFraction(1.0, half)).isCloseTo(0.9214, within(1e-3));
    assertThat(MatchScore.recommendationBadge(blended, half)).isEqualTo("92% match");
    assertThat(MatchScore.recommendationBadge(new ScoredMovie(4, 6.5, 8.3, -0.7), half))
        .isEqualTo("99% match");
  }

  @Test
  void similar_movies_read_as_alike_and_the_popularity_fallback_as_popular() {
    assertThat(MatchScore.similarityBadge(0.834)).contains("83% alike");
    assertThat(MatchScore.similarityBadge(-0.2)).isEmpty();
    assertThat(MatchScore.recommendationBadge(ScoredMovie.of(5, 329), BlendWeights.ALS_ONLY))
        .isEqualTo("Popular");
  }
}

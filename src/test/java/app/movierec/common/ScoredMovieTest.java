package app.movierec.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoredMovieTest {

  @Test
  void z_scores_map_onto_the_unit_interval_for_display() {
    assertThat(ScoredMovie.toUnitInterval(0)).isEqualTo(0.5);
    assertThat(ScoredMovie.toUnitInterval(1)).isCloseTo(0.8413, within(0.01));
    assertThat(ScoredMovie.toUnitInterval(-1)).isCloseTo(0.1587, within(0.01));
    assertThat(ScoredMovie.toUnitInterval(5)).isGreaterThan(0.99).isLessThan(1);
    assertThat(ScoredMovie.toUnitInterval(Double.NaN)).isNaN();
  }
}

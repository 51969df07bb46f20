package app.movierec.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridOrderTest {

  @Test
  void keeps_the_longest_run_already_in_order() {
    assertThat(GridOrder.longestIncreasingRun(new int[] {0, 1, 2, 3})).containsExactly(true, true, true, true);
    // one card jumped to the front: only it moves
    assertThat(GridOrder.longestIncreasingRun(new int[] {1, 2, 3, 0})).containsExactly(true, true, true, false);
    assertThat(GridOrder.longestIncreasingRun(new int[] {3, 0, 1, 2})).containsExactly(false, true, true, true);
    assertThat(GridOrder.longestIncreasingRun(new int[] {})).isEmpty();
  }

  @Test
  void a_reversed_grid_keeps_one_card() {
    boolean[] stays = GridOrder.longestIncreasingRun(new int[] {3, 2, 1, 0});
    int kept = 0;
    for (boolean stay : stays) {
      kept += stay ? 1 : 0;
    }
    assertThat(kept).isEqualTo(1);
  }
}

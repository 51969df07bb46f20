package app.movierec.ui;

/** Reordering a grid with few moves. */
final class GridOrder {

  private GridOrder() {}

  /**
   * Marks a longest strictly increasing subsequence of {@code values}: the items that can stay where they are while
   * the others move around them (O(n²), for grids of a few dozen cards).
   */
  static boolean[] longestIncreasingRun(int[] values) {
    int n = values.length;
    int[] length = new int[n];
    int[] previous = new int[n];
    int best = -1;
    for (int i = 0; i < n; i++) {
      length[i] = 1;
      previous[i] = -1;
      for (int j = 0; j < i; j++) {
        if (values[j] < values[i] && length[j] + 1 > length[i]) {
          length[i] = length[j] + 1;
          previous[i] = j;
        }
      }
      if (best < 0 || length[i] > length[best]) {
        best = i;
      }
    }
    boolean[] stays = new boolean[n];
    for (int i = best; i >= 0; i = previous[i]) {
      stays[i] = true;
    }
    return stays;
  }
}

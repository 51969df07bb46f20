package app.movierec.common;

import java.util.Arrays;

/**
 * Partial selection of the {@code n} best rows of a score array in {@code O(rows log n)}: a bounded
 * min-heap, so a top-20 out of ten thousand movies never sorts the whole array. Ties go to the
 * lower row, NaN scores are never selected, so results are deterministic.
 */
public final class TopN {

  private TopN() {}

  /**
   * Rows of the {@code n} highest scores, best first; rows with {@code excluded[row]} are skipped
   * (null = none).
   */
  public static int[] select(float[] scores, boolean[] excluded, int n) {
    return select(scores.length, scores, null, null, excluded, n);
  }

  /** As {@link #select(float[], boolean[], int)} for double scores. */
  public static int[] select(double[] scores, boolean[] excluded, int n) {
    return select(scores.length, null, scores, null, excluded, n);
  }

  /** Score of one row; lets callers select over a computed score without materialising an array. */
  @FunctionalInterface
  public interface RowScore {
    double at(int row);
  }

  /** Rows of the {@code n} highest {@code score.at(row)} for rows {@code 0..rows-1}, best first. */
  public static int[] select(int rows, RowScore score, boolean[] excluded, int n) {
    return select(rows, null, null, score, excluded, n);
  }

  // one of floats, doubles, score is set; array reads keep the hot loop free of a megamorphic
  // lambda call
  private static int[] select(
      int rows, float[] floats, double[] doubles, RowScore score, boolean[] excluded, int n) {
    if (n <= 0 || rows == 0) {
      return new int[0];
    }
    int capacity = Math.min(n, rows);
    int[] heapRows = new int[capacity];
    double[] heapScores = new double[capacity];
    int size = 0;
    for (int row = 0; row < rows; row++) {
      if (excluded != null && excluded[row]) {
        continue;
      }
      double s = floats != null ? floats[row] : doubles != null ? doubles[row] : score.at(row);
      if (Double.isNaN(s)) {
        continue;
      }
      if (size < capacity) {
        heapRows[size] = row;
        heapScores[size] = s;
        siftUp(heapRows, heapScores, size++);
      } else if (s > heapScores[0]) {
        // equal scores keep the earlier (lower) row already in the heap
        heapRows[0] = row;
        heapScores[0] = s;
        siftDown(heapRows, heapScores, size);
      }
    }
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byScore = Double.compare(heapScores[b], heapScores[a]);
          return byScore != 0 ? byScore : Integer.compare(heapRows[a], heapRows[b]);
        });
    int[] result = new int[size];
    for (int i = 0; i < size; i++) {
      result[i] = heapRows[order[i]];
    }
    return result;
  }

  // min-heap on score; among equal scores the higher row is "smaller" so it is evicted first
  private static boolean less(int[] rows, double[] scores, int a, int b) {
    int c = Double.compare(scores[a], scores[b]);
    return c < 0 || (c == 0 && rows[a] > rows[b]);
  }

  private static void siftUp(int[] rows, double[] scores, int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(rows, scores, i, parent)) {
        return;
      }
      swap(rows, scores, i, parent);
      i = parent;
    }
  }

  private static void siftDown(int[] rows, double[] scores, int size) {
    int i = 0;
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int smallest = left;
      int right = left + 1;
      if (right < size && less(rows, scores, right, left)) {
        smallest = right;
      }
      if (!less(rows, scores, smallest, i)) {
        return;
      }
      swap(rows, scores, i, smallest);
      i = smallest;
    }
  }

  private static void swap(int[] rows, double[] scores, int a, int b) {
    int r = rows[a];
    rows[a] = rows[b];
    rows[b] = r;
    double s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }
}

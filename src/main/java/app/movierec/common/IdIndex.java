package app.movierec.common;

import java.util.Arrays;
import java.util.BitSet;

/**
 * An immutable two-way map between MovieLens ids ({@code movieId} or {@code userId}) and dense
 * matrix rows ({@code itemRow} or {@code userRow}, {@code 0..size()-1}). Rows follow ascending id
 * order, so the same set of ids always gives the same rows.
 */
public final class IdIndex {

  private final int[] idsByRow;

  private IdIndex(int[] sortedDistinctIds) {
    this.idsByRow = sortedDistinctIds;
  }

  /** An index over the distinct values of {@code ids} (any order, duplicates allowed). */
  public static IdIndex of(int[] ids) {
    return union(ids, new int[0]);
  }

  /** An index over the distinct values of both arrays (any order, duplicates allowed). */
  public static IdIndex union(int[] ids, int[] moreIds) {
    if (ids.length + (long) moreIds.length == 0) {
      return new IdIndex(new int[0]);
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int id : ids) {
      min = Math.min(min, id);
      max = Math.max(max, id);
    }
    for (int id : moreIds) {
      min = Math.min(min, id);
      max = Math.max(max, id);
    }
    long range = max - min + 1;
    long count = ids.length + (long) moreIds.length;
    if (range <= Math.max(1L << 16, 4 * count)) {
      // ids are dense enough (MovieLens ids are): one bit per possible id, no sort of 25M ids
      BitSet seen = new BitSet((int) range);
      for (int id : ids) {
        seen.set((int) (id - min));
      }
      for (int id : moreIds) {
        seen.set((int) (id - min));
      }
      int[] sorted = new int[seen.cardinality()];
      int row = 0;
      for (int bit = seen.nextSetBit(0); bit >= 0; bit = seen.nextSetBit(bit + 1)) {
        sorted[row++] = (int) (bit + min);
      }
      return new IdIndex(sorted);
    }
    // sparse ids: drop runs of repeats first (ratings come grouped by user), then sort the rest;
    // IntStream.distinct() would box every id
    int[] heads = new int[Math.toIntExact(count)];
    int n = 0;
    for (int[] array : new int[][] {ids, moreIds}) {
      for (int i = 0; i < array.length; i++) {
        if (i == 0 || array[i] != array[i - 1]) {
          heads[n++] = array[i];
        }
      }
    }
    Arrays.sort(heads, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || heads[i] != heads[i - 1]) {
        heads[distinct++] = heads[i];
      }
    }
    return new IdIndex(Arrays.copyOf(heads, distinct));
  }

  /** The row of {@code id}, or -1 when the index does not know it. */
  public int rowOf(int id) {
    int row = Arrays.binarySearch(idsByRow, id);
    return row >= 0 ? row : -1;
  }

  public boolean contains(int id) {
    return rowOf(id) >= 0;
  }

  /** The id at {@code row}. */
  public int idAt(int row) {
    return idsByRow[row];
  }

  public int size() {
    return idsByRow.length;
  }

  /** A copy of all ids in row order (ascending). */
  public int[] ids() {
    return idsByRow.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdIndex that && Arrays.equals(idsByRow, that.idsByRow);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(idsByRow);
  }

  @Override
  public String toString() {
    return "IdIndex[" + idsByRow.length + " ids]";
  }
}

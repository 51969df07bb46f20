package app.movierec.common;

import java.util.Arrays;

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
    // sort a copy and drop repeats: IntStream.distinct() would box every id (25M of them at scale)
    int[] sorted = ids.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    sorted = Arrays.copyOf(sorted, distinct);
    return new IdIndex(sorted);
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

package app.movierec.recommend;

import java.util.Arrays;
import java.util.OptionalInt;

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
    int[] sorted = Arrays.stream(ids).distinct().sorted().toArray();
    return new IdIndex(sorted);
  }

  /** The row of {@code id}, or -1 when the index does not know it. */
  public int rowOf(long id) {
    if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) {
      return -1;
    }
    int row = Arrays.binarySearch(idsByRow, (int) id);
    return row >= 0 ? row : -1;
  }

  /** The row of {@code id}, empty when the index does not know it. */
  public OptionalInt findRow(long id) {
    int row = rowOf(id);
    return row >= 0 ? OptionalInt.of(row) : OptionalInt.empty();
  }

  public boolean contains(long id) {
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

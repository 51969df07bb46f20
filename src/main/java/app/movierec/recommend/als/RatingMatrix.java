package app.movierec.recommend.als;

import app.movierec.common.IdIndex;
import app.movierec.common.TrainingData;
import java.util.Arrays;

/**
 * The sparse confidence matrix {@code C} of Hu, Koren & Volinsky (2008), {@code users x movies},
 * held twice in CSR form: by user row (for the user half-sweep) and by item row (for the item
 * half-sweep). Within a row the columns are ascending, whatever the order of the input, so training
 * is deterministic. Every stored entry has preference 1 and confidence {@code 1 + alpha *
 * t(rating)}; absent entries have preference 0 and confidence 1.
 */
public final class RatingMatrix {

  final IdIndex users;
  final IdIndex items;
  final double alpha;
  final AlsConfig.Confidence confidence;
  final int[] userOffsets; // length users+1
  final int[] userItemRows;
  final float[] userConfidences;
  final int[] itemOffsets; // length items+1
  final int[] itemUserRows;
  final float[] itemConfidences;

  private RatingMatrix(
      AlsConfig config,
      IdIndex users,
      IdIndex items,
      int[] userOffsets,
      int[] userItemRows,
      float[] userConfidences,
      int[] itemOffsets,
      int[] itemUserRows,
      float[] itemConfidences) {
    this.alpha = config.alpha();
    this.confidence = config.confidence();
    this.users = users;
    this.items = items;
    this.userOffsets = userOffsets;
    this.userItemRows = userItemRows;
    this.userConfidences = userConfidences;
    this.itemOffsets = itemOffsets;
    this.itemUserRows = itemUserRows;
    this.itemConfidences = itemConfidences;
  }

  /**
   * The confidence matrix of {@code data}'s ratings; users and movies without ratings get no row.
   */
  public static RatingMatrix of(TrainingData data, AlsConfig config) {
    return of(data.ratingUserIds(), data.ratingMovieIds(), data.ratings(), config);
  }

  /**
   * The confidence matrix of parallel rating arrays (one entry per user and movie).
   *
   * <p>Built by counting sorts with no temporary array per rating: the entries go into the by-movie
   * arrays in input order, are transposed into the by-user arrays (so each user's movies come out
   * ascending) and back (each movie's users ascending). At 20M ratings the heap then needs the
   * input and the 16 bytes per rating of the result, not several times that.
   */
  public static RatingMatrix of(int[] userIds, int[] movieIds, float[] ratings, AlsConfig config) {
    int n = ratings.length;
    for (int k = 0; k < n; k++) {
      if (!Float.isFinite(ratings[k])) {
        throw new IllegalArgumentException(
            "rating of user "
                + userIds[k]
                + " for movie "
                + movieIds[k]
                + " is not a number: "
                + ratings[k]);
      }
    }
    RowLookup userRows = RowLookup.of(userIds);
    RowLookup itemRows = RowLookup.of(movieIds);
    int userCount = userRows.index.size();
    int itemCount = itemRows.index.size();
    int[] userOffsets = new int[userCount + 1];
    int[] itemOffsets = new int[itemCount + 1];
    for (int k = 0; k < n; k++) {
      userOffsets[userRows.rowOf(userIds[k]) + 1]++;
      itemOffsets[itemRows.rowOf(movieIds[k]) + 1]++;
    }
    prefixSums(userOffsets);
    prefixSums(itemOffsets);

    int[] itemUserRows = new int[n];
    float[] itemConfidences = new float[n];
    int[] next = Arrays.copyOf(itemOffsets, itemCount);
    for (int k = 0; k < n; k++) {
      int at = next[itemRows.rowOf(movieIds[k])]++;
      itemUserRows[at] = userRows.rowOf(userIds[k]);
      itemConfidences[at] = config.confidenceOf(ratings[k]);
    }
    int[] userItemRows = new int[n];
    float[] userConfidences = new float[n];
    transpose(
        itemOffsets, itemUserRows, itemConfidences, userOffsets, userItemRows, userConfidences);
    transpose(
        userOffsets, userItemRows, userConfidences, itemOffsets, itemUserRows, itemConfidences);
    return new RatingMatrix(
        config,
        userRows.index,
        itemRows.index,
        userOffsets,
        userItemRows,
        userConfidences,
        itemOffsets,
        itemUserRows,
        itemConfidences);
  }

  public IdIndex users() {
    return users;
  }

  public IdIndex items() {
    return items;
  }

  public int nonZeros() {
    return userItemRows.length;
  }

  private static void prefixSums(int[] offsets) {
    for (int row = 0; row + 1 < offsets.length; row++) {
      offsets[row + 1] += offsets[row];
    }
  }

  /**
   * Writes the CSR matrix ({@code offsets}, {@code cols}, {@code values}) transposed into the
   * target arrays ({@code targetOffsets} already counted); scanning rows in order leaves every
   * target row's columns ascending.
   */
  private static void transpose(
      int[] offsets,
      int[] cols,
      float[] values,
      int[] targetOffsets,
      int[] targetCols,
      float[] targetValues) {
    int[] next = Arrays.copyOf(targetOffsets, targetOffsets.length - 1);
    for (int row = 0; row + 1 < offsets.length; row++) {
      for (int k = offsets[row]; k < offsets[row + 1]; k++) {
        int at = next[cols[k]]++;
        targetCols[at] = row;
        targetValues[at] = values[k];
      }
    }
  }

  /** The {@link IdIndex} of a column of ids and a fast id-to-row lookup for building. */
  private record RowLookup(IdIndex index, int[] rowById) {

    static RowLookup of(int[] ids) {
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      for (int id : ids) {
        min = Math.min(min, id);
        max = Math.max(max, id);
      }
      if (ids.length > 0 && min >= 0 && max < 50_000_000) {
        // a direct table: no sort, no boxing, and no binary search per rating on 20M ratings
        boolean[] seen = new boolean[max + 1];
        int distinct = 0;
        for (int id : ids) {
          if (!seen[id]) {
            seen[id] = true;
            distinct++;
          }
        }
        int[] sorted = new int[distinct];
        int[] rowById = new int[max + 1];
        int row = 0;
        for (int id = 0; id <= max; id++) {
          if (seen[id]) {
            sorted[row] = id;
            rowById[id] = row++;
          }
        }
        return new RowLookup(IdIndex.of(sorted), rowById);
      }
      int[] sorted = ids.clone();
      Arrays.sort(sorted);
      int distinct = 0;
      for (int k = 0; k < sorted.length; k++) {
        if (k == 0 || sorted[k] != sorted[k - 1]) {
          sorted[distinct++] = sorted[k];
        }
      }
      return new RowLookup(IdIndex.of(Arrays.copyOf(sorted, distinct)), null);
    }

    int rowOf(int id) {
      return rowById != null ? rowById[id] : index.rowOf(id);
    }
  }
}

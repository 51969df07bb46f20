package app.movierec.recommend.als;

import app.movierec.common.IdIndex;
import app.movierec.common.TrainingData;

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

  /** The confidence matrix of parallel rating arrays (one entry per user and movie). */
  public static RatingMatrix of(int[] userIds, int[] movieIds, float[] ratings, AlsConfig config) {
    int n = ratings.length;
    IdIndex users = IdIndex.of(userIds);
    IdIndex items = IdIndex.of(movieIds);
    int[] userRowOf = rows(users, userIds);
    int[] itemRowOf = rows(items, movieIds);
    float[] confidences = new float[n];
    for (int k = 0; k < n; k++) {
      float rating = ratings[k];
      if (!Float.isFinite(rating)) {
        throw new IllegalArgumentException(
            "rating of user "
                + userIds[k]
                + " for movie "
                + movieIds[k]
                + " is not a number: "
                + rating);
      }
      confidences[k] = config.confidenceOf(rating);
    }
    // bucket by item (input order), then by user in item order, then by item in user order: columns
    // ascending
    int[] byItem = bucket(itemRowOf, items.size(), identity(n));
    int[] byUser = bucket(userRowOf, users.size(), byItem);
    int[] byItemSorted = bucket(itemRowOf, items.size(), byUser);

    int[] userOffsets = offsets(userRowOf, users.size());
    int[] userItemRows = new int[n];
    float[] userConfidences = new float[n];
    for (int k = 0; k < n; k++) {
      userItemRows[k] = itemRowOf[byUser[k]];
      userConfidences[k] = confidences[byUser[k]];
    }
    int[] itemOffsets = offsets(itemRowOf, items.size());
    int[] itemUserRows = new int[n];
    float[] itemConfidences = new float[n];
    for (int k = 0; k < n; k++) {
      itemUserRows[k] = userRowOf[byItemSorted[k]];
      itemConfidences[k] = confidences[byItemSorted[k]];
    }
    return new RatingMatrix(
        config,
        users,
        items,
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

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    return order;
  }

  private static int[] rows(IdIndex index, int[] ids) {
    int[] rows = new int[ids.length];
    int maxId = index.size() == 0 ? 0 : index.idAt(index.size() - 1);
    int minId = index.size() == 0 ? 0 : index.idAt(0);
    if (minId >= 0 && maxId < 50_000_000) {
      // a direct lookup table is much faster than a binary search per rating on 20M-rating data
      // sets
      int[] rowById = new int[maxId + 1];
      for (int row = 0; row < index.size(); row++) {
        rowById[index.idAt(row)] = row;
      }
      for (int k = 0; k < ids.length; k++) {
        rows[k] = rowById[ids[k]];
      }
    } else {
      for (int k = 0; k < ids.length; k++) {
        rows[k] = index.rowOf(ids[k]);
      }
    }
    return rows;
  }

  private static int[] offsets(int[] rowOf, int rowCount) {
    int[] offsets = new int[rowCount + 1];
    for (int row : rowOf) {
      offsets[row + 1]++;
    }
    for (int row = 0; row < rowCount; row++) {
      offsets[row + 1] += offsets[row];
    }
    return offsets;
  }

  /** A stable counting sort of the entries {@code order} by {@code rowOf[entry]}. */
  private static int[] bucket(int[] rowOf, int rowCount, int[] order) {
    int[] next = offsets(rowOf, rowCount);
    int[] sorted = new int[order.length];
    for (int entry : order) {
      sorted[next[rowOf[entry]]++] = entry;
    }
    return sorted;
  }
}

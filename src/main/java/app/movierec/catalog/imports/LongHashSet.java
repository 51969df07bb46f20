package app.movierec.catalog.imports;

import java.util.Arrays;

/**
 * An open-addressing set of longs, for spotting duplicate (user, movie) pairs among tens of
 * millions of ratings without boxing every key (a {@code HashSet<Long>} would need about 60 bytes a
 * pair).
 */
final class LongHashSet {

  private static final long EMPTY = Long.MIN_VALUE;

  private long[] slots;
  private int size;

  LongHashSet(int expected) {
    slots = new long[tableSize(expected)];
    Arrays.fill(slots, EMPTY);
  }

  /**
   * Adds {@code key}; returns false if it was there already. {@code Long.MIN_VALUE} is not a valid
   * key.
   */
  boolean add(long key) {
    if ((size + 1) * 2L > slots.length) {
      grow();
    }
    if (insert(slots, key)) {
      size++;
      return true;
    }
    return false;
  }

  int size() {
    return size;
  }

  private boolean insert(long[] table, long key) {
    int mask = table.length - 1;
    int i = mix(key) & mask;
    while (table[i] != EMPTY) {
      if (table[i] == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = key;
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    Arrays.fill(slots, EMPTY);
    for (long key : old) {
      if (key != EMPTY) {
        insert(slots, key);
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private static int tableSize(int expected) {
    int size = 16;
    while (size < expected * 2L && size < (1 << 30)) {
      size <<= 1;
    }
    return size;
  }
}

package app.movierec.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdIndexTest {

  private final IdIndex index = IdIndex.of(new int[] {30, 10, 20, 10, 30});

  @Test
  void maps_distinct_ids_to_rows_in_ascending_id_order() {
    assertThat(index.size()).isEqualTo(3);
    assertThat(index.rowOf(10)).isZero();
    assertThat(index.rowOf(30)).isEqualTo(2);
    assertThat(index.idAt(1)).isEqualTo(20);
    assertThat(index.ids()).containsExactly(10, 20, 30);
  }

  @Test
  void unknown_ids_have_no_row() {
    assertThat(index.rowOf(15)).isEqualTo(-1);
    assertThat(index.contains(15)).isFalse();
    assertThat(index.contains(20)).isTrue();
  }

  @Test
  void the_same_ids_give_an_equal_index() {
    assertThat(IdIndex.of(new int[] {20, 30, 10})).isEqualTo(index).hasSameHashCodeAs(index);
  }

  @Test
  void sparse_and_negative_ids_give_the_same_index_as_dense_ones() {
    int[] sparse = {2_000_000_000, 5, -7, 5, 1_000_000_001, 2_000_000_000, -7};

    assertThat(IdIndex.of(sparse).ids()).containsExactly(-7, 5, 1_000_000_001, 2_000_000_000);
    assertThat(IdIndex.of(new int[0]).size()).isZero();
  }

  @Test
  void a_union_holds_the_distinct_ids_of_both_arrays() {
    IdIndex union = IdIndex.union(new int[] {3, 1, 3}, new int[] {2, 1, 1_000_000_000});

    assertThat(union.ids()).containsExactly(1, 2, 3, 1_000_000_000);
    assertThat(IdIndex.union(new int[] {4, 2}, new int[] {2}))
        .isEqualTo(IdIndex.of(new int[] {2, 4}));
  }
}

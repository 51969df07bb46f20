package app.movierec.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GenomeMatrixTest {

  @Test
  void holds_the_vectors_as_rows_in_ascending_movie_order() {
    GenomeMatrix genome =
        GenomeMatrix.builder()
            .add(30, new float[] {0.3f, 0.4f})
            .add(10, new float[] {0.1f, 0.2f})
            .build();

    assertThat(genome.movieIds()).containsExactly(10, 30);
    assertThat(genome.dimension()).isEqualTo(2);
    assertThat(genome.relevance()).containsExactly(0.1f, 0.2f, 0.3f, 0.4f);
    assertThat(genome.vectorOf(30))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(0.3f, 0.4f));
    assertThat(genome.vectorOf(20)).isEmpty();
    assertThat(genome.rowOf(20)).isEqualTo(-1);
    assertThat(GenomeMatrix.builder().build()).isSameAs(GenomeMatrix.NONE);
  }

  @Test
  void rejects_vectors_of_another_length_and_a_movie_twice() {
    assertThatThrownBy(() -> GenomeMatrix.builder().add(1, new float[2]).add(2, new float[3]))
        .hasMessageContaining("genome vector of movie 2 has 3 values, expected 2");
    assertThatThrownBy(
            () -> GenomeMatrix.builder().add(1, new float[2]).add(1, new float[2]).build())
        .hasMessageContaining("movie 1 has two genome vectors");
  }
}

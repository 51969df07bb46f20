package app.movierec.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
    classes = TmdbJpaTestConfig.class,
    properties = "spring.datasource.url=jdbc:h2:mem:tmdb-repo")
class TmdbPosterRepositoryTest {

  @Autowired TmdbPosterRepository repository;

  @BeforeEach
  void emptyCache() {
    repository.deleteAll();
  }

  @Test
  void stores_a_found_poster_path_with_its_fetch_time() {
    Instant fetchedAt = Instant.parse("2026-11-24T01:00:00Z");
    repository.save(TmdbPoster.found(862, "/toy.jpg", fetchedAt));

    assertThat(repository.findById(862L))
        .hasValueSatisfying(
            poster -> {
              assertThat(poster.getStatus()).isEqualTo(TmdbPoster.Status.FOUND);
              assertThat(poster.getPosterPath()).isEqualTo("/toy.jpg");
              assertThat(poster.getFetchedAt()).isEqualTo(fetchedAt);
            });
  }

  @Test
  void stores_no_poster_as_a_row_without_a_path() {
    repository.save(TmdbPoster.none(999, Instant.now()));

    assertThat(repository.findById(999L))
        .hasValueSatisfying(
            poster -> {
              assertThat(poster.getStatus()).isEqualTo(TmdbPoster.Status.NONE);
              assertThat(poster.getPosterPath()).isNull();
            });
  }

  @Test
  void overwrites_an_earlier_answer_for_the_same_movie() {
    repository.save(TmdbPoster.none(5, Instant.now()));
    repository.save(TmdbPoster.found(5, "/later.jpg", Instant.now()));

    assertThat(repository.count()).isEqualTo(1);
    assertThat(repository.findById(5L))
        .get()
        .extracting(TmdbPoster::getPosterPath)
        .isEqualTo("/later.jpg");
  }
}

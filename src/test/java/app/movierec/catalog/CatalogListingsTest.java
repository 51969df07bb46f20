package app.movierec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import app.movierec.common.DatasetReadyEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After an import every listing is read ahead in one query, so recommendation lists never wait on
 * the database for their titles and links; a new import drops the old ones.
 */
class CatalogListingsTest {

  private final MovieRepository movies = mock(MovieRepository.class);
  private final LinkRepository links = mock(LinkRepository.class);

  @Test
  void every_listing_is_read_ahead_and_served_without_a_repository_query() {
    JdbcTemplate jdbc = database("listings-ahead");
    CatalogService catalog = catalog(jdbc);

    catalog.onDatasetReady(new DatasetReadyEvent("fixture", "f1", true));
    Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> catalog.cachedListings() == 3);

    Map<Integer, MovieListing> found = catalog.listings(List.of(3, 1, 2, 99));
    assertThat(found.keySet()).containsExactly(3, 1, 2);
    assertThat(found.get(1).movie().getTitle()).isEqualTo("Toy Story (1995)");
    assertThat(found.get(1).movie().getYear()).isEqualTo(1995);
    assertThat(found.get(1).movie().genreList()).containsExactly("Animation", "Comedy");
    assertThat(found.get(1).imdbId()).isEqualTo(114709);
    assertThat(found.get(1).tmdbId()).isEqualTo(862);
    assertThat(found.get(2).movie().getYear()).as("no year in the title").isNull();
    assertThat(found.get(2).imdbId()).isEqualTo(113497);
    assertThat(found.get(2).tmdbId()).as("links.csv without a TMDB id").isNull();
    assertThat(found.get(3).link()).as("no row in links.csv").isNull();
    // only the unknown id was looked up through the repositories
    verify(movies).findAllById(List.of(99));
    verify(links).findAllById(List.of(99));
    verifyNoMoreInteractions(movies, links);
  }

  @Test
  void a_new_import_drops_the_listings_and_reads_the_new_catalogue() {
    JdbcTemplate jdbc = database("listings-reimport");
    CatalogService catalog = catalog(jdbc);
    catalog.onDatasetReady(new DatasetReadyEvent("fixture", "f1", true));
    Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> catalog.cachedListings() == 3);

    jdbc.update("update movie set title = 'Toy Story 2 (1999)' where movie_id = 1");
    jdbc.update("delete from movie where movie_id = 3");
    catalog.onDatasetReady(new DatasetReadyEvent("fixture", "f2", true));
    Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> catalog.cachedListings() == 2);

    assertThat(catalog.listings(List.of(1)).get(1).movie().getTitle())
        .isEqualTo("Toy Story 2 (1999)");
    verifyNoInteractions(movies, links);
  }

  private CatalogService catalog(JdbcTemplate jdbc) {
    return new CatalogService(movies, links, null, null, null, jdbc);
  }

  private static JdbcTemplate database(String name) {
    JdbcTemplate jdbc = CatalogDatabase.create(name);
    CatalogDatabase.movie(jdbc, 1, 1995, "Animation|Comedy", "Toy Story (1995)");
    CatalogDatabase.movie(jdbc, 2, null, "Drama", "Untitled");
    CatalogDatabase.movie(jdbc, 3, 2001, "Comedy", "Amelie (2001)");
    jdbc.update("insert into movie_link (movie_id, imdb_id, tmdb_id) values (1, 114709, 862)");
    jdbc.update("insert into movie_link (movie_id, imdb_id, tmdb_id) values (2, 113497, null)");
    return jdbc;
  }
}

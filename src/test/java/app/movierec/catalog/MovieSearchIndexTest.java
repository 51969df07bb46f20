package app.movierec.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.DatasetReadyEvent;
import app.movierec.common.Progress;
import app.movierec.common.ProgressTracker;
import app.movierec.ratings.Rating;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The title index is read from the database: search answers from the titles at once, and ranks by
 * rating counts once the recommender serves and they are counted; a new import's titles replace the
 * old ones.
 */
class MovieSearchIndexTest {

  @Test
  void search_answers_from_the_titles_first_and_ranks_by_rating_counts_once_counted() {
    JdbcTemplate jdbc = database("search-index");
    ProgressTracker progress = new ProgressTracker();
    progress.update(Progress.Stage.TRAINING, "Training", 0.5);
    MovieSearch search = new MovieSearch(jdbc, progress);

    // before any import event: built on demand from the titles; equals rank by shorter title
    assertThat(ids(search, "matrix")).containsExactly(1, 2);

    search.onDatasetReady(new DatasetReadyEvent("fixture", "f1", false));
    // while the recommender trains, the ratings are not counted: still ranked by the titles
    Awaitility.await()
        .during(500, TimeUnit.MILLISECONDS)
        .atMost(5, TimeUnit.SECONDS)
        .until(() -> ids(search, "matrix").equals(List.of(1, 2)));

    progress.ready("Recommender ready");
    Awaitility.await()
        .atMost(10, TimeUnit.SECONDS)
        .until(() -> ids(search, "matrix").equals(List.of(2, 1)));
  }

  @Test
  void a_new_import_replaces_the_titles() {
    JdbcTemplate jdbc = database("search-reimport");
    ProgressTracker progress = new ProgressTracker();
    progress.ready("Recommender ready");
    MovieSearch search = new MovieSearch(jdbc, progress);
    search.onDatasetReady(new DatasetReadyEvent("fixture", "f1", false));
    Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> ids(search, "matrix").size() == 2);

    jdbc.update("update movie set title = 'Speed (1994)' where movie_id = 2");
    search.onDatasetReady(new DatasetReadyEvent("fixture", "f2", true));

    Awaitility.await()
        .atMost(10, TimeUnit.SECONDS)
        .until(() -> ids(search, "matrix").equals(List.of(1)));
    assertThat(ids(search, "speed")).containsExactly(2);
  }

  private static List<Integer> ids(MovieSearch search, String query) {
    return search.search(query, 10).stream().map(Movie::getMovieId).toList();
  }

  private static JdbcTemplate database(String name) {
    JdbcTemplate jdbc = CatalogDatabase.create(name);
    CatalogDatabase.movie(jdbc, 1, 1999, "Sci-Fi", "Matrix, The (1999)");
    CatalogDatabase.movie(jdbc, 2, 2003, "Sci-Fi", "Matrix Reloaded, The (2003)");
    for (int user = 1; user <= 3; user++) { // the sequel is the popular one
      jdbc.update(
          "insert into rating (rating_key, user_id, movie_id, stars, rated_at) values (?, ?, 2, 4.0, 0)",
          Rating.key(user, 2),
          user);
    }
    return jdbc;
  }
}

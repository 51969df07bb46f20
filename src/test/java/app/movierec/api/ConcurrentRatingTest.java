package app.movierec.api;

import static app.movierec.api.MovieApiTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.UserHistory;
import app.movierec.ratings.RatingService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rating and recommending for the same user at the same time, over real HTTP. */
class ConcurrentRatingTest extends ApiTestBase {

  private static final int RATERS = 4;
  private static final int READERS = 4;

  /** Movies 1-8 of the fixture's 10 get rated, two per rater. */
  private static final int RATED_MOVIES = 8;

  @Autowired RatingService ratings;

  @Test
  void recommendations_requested_after_a_rating_returned_always_exclude_that_movie()
      throws Exception {
    ApiClient.Visitor visitor = api.newVisitor();
    int userId = visitor.userId();
    ApiClient owner = api.asVisitor(visitor.token());
    String recommendations = "/api/users/" + userId + "/recommendations?n=100";
    Set<Long> confirmed = ConcurrentHashMap.newKeySet();
    AtomicBoolean ratersDone = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(RATERS + READERS);
    try {
      List<Future<Integer>> raters = new ArrayList<>();
      for (int r = 0; r < RATERS; r++) {
        int rater = r;
        raters.add(
            pool.submit(
                () -> {
                  start.await();
                  int checks = 0;
                  for (int round = 0; round < 3; round++) {
                    for (long movieId = rater + 1; movieId <= RATED_MOVIES; movieId += RATERS) {
                      double stars = 1 + round + (movieId % 2) * 0.5;
                      String rating = "{\"movieId\":" + movieId + ",\"rating\":" + stars + "}";
                      ApiClient.Response stored =
                          owner.post("/api/users/" + userId + "/ratings", rating);
                      assertThat(stored.status()).as(stored.body()).isEqualTo(201);
                      confirmed.add(movieId);
                      Set<Long> mustBeExcluded = Set.copyOf(confirmed);
                      ApiClient.Response response = api.get(recommendations);
                      assertThat(response.status()).as(response.body()).isEqualTo(200);
                      assertThat(ids(response.json())).doesNotContainAnyElementsOf(mustBeExcluded);
                      checks++;
                    }
                  }
                  return checks;
                }));
      }
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(
            pool.submit(
                () -> {
                  start.await();
                  int checks = 0;
                  while (!ratersDone.get() || checks == 0) {
                    Set<Long> mustBeExcluded = Set.copyOf(confirmed);
                    ApiClient.Response response = api.get(recommendations);
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    List<Long> recommended = ids(response.json());
                    assertThat(mustBeExcluded)
                        .allSatisfy(movieId -> assertThat(recommended).doesNotContain(movieId));
                    checks++;
                  }
                  return checks;
                }));
      }
      start.countDown();
      for (Future<Integer> rater : raters) {
        assertThat(rater.get(60, TimeUnit.SECONDS)).isEqualTo(3 * RATED_MOVIES / RATERS);
      }
      ratersDone.set(true);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }

    UserHistory stored = ratings.storedHistoryOf(userId);
    assertThat(stored.size()).isEqualTo(RATED_MOVIES);
    for (int k = 0; k < stored.size(); k++) {
      assertThat((double) stored.rating(k)).isEqualTo(3 + (stored.movieId(k) % 2) * 0.5);
    }
    assertThat(ids(api.get(recommendations).json()))
        .isNotEmpty()
        .containsAnyOf(9L, 10L)
        .doesNotContainAnyElementsOf(confirmed);
  }
}

package app.movierec.api;

import static app.movierec.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;

import app.movierec.common.UserHistory;
import app.movierec.recommend.NotReadyException;
import app.movierec.recommend.RecommendationService;
import app.movierec.recommend.hybrid.BlendWeights;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * While the recommender trains, the recommendation endpoints answer 503 problems and the catalogue
 * still answers; an unexpected failure is a 500 problem that tells nothing about the internals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotReadyApiTest {

  @LocalServerPort int port;
  @MockitoBean RecommendationService recommender;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    when(recommender.ready()).thenReturn(false);
    when(recommender.defaultWeights()).thenReturn(BlendWeights.ofAlsWeight(0.8));
    when(recommender.recommend(anyInt(), any(BlendWeights.class), anyInt()))
        .thenThrow(new NotReadyException());
    doThrow(new NotReadyException()).when(recommender).recommend(anyInt(), anyInt());
    when(recommender.recommend(any(UserHistory.class), any(BlendWeights.class), anyInt()))
        .thenThrow(new NotReadyException());
    when(recommender.similarMovies(anyInt(), any(BlendWeights.class), anyInt()))
        .thenThrow(new NotReadyException());
    when(recommender.recommend(eq(7), any(BlendWeights.class), anyInt()))
        .thenThrow(new IllegalStateException("secret internal detail"));
    doThrow(new IllegalStateException("secret internal detail"))
        .when(recommender)
        .recommend(eq(7), anyInt());
  }

  @Test
  void an_unexpected_failure_is_a_500_problem_without_internals() {
    ApiClient.Response response = api.get("/api/users/7/recommendations");

    assertProblem(response, 500, null);
    assertThat(response.body()).doesNotContain("secret internal detail", "IllegalStateException");
  }

  @Test
  void recommendations_for_a_user_are_a_503_problem_while_the_model_trains() {
    assertProblem(api.get("/api/users/1/recommendations"), 503, null);
  }

  @Test
  void recommendations_for_ratings_are_a_503_problem_while_the_model_trains() {
    assertProblem(api.post("/api/recommendations", "[{\"movieId\":1,\"rating\":4}]"), 503, null);
  }

  @Test
  void a_movie_is_shown_without_similar_movies_while_the_model_trains() {
    ApiClient.Response response = api.get("/api/movies/1");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("similarByContent").size()).isZero();
  }
}

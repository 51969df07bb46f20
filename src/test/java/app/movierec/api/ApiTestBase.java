package app.movierec.api;

import app.movierec.common.ProgressTracker;
import app.movierec.recommend.ModelReady;
import app.movierec.recommend.RecommendationService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every API test starts from: the whole app on a random port with the tiny fixture, its first
 * model trained, and a plain HTTP client ({@link #api}) for real requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiTestBase {

  @LocalServerPort int port;
  @Autowired RecommendationService recommendations;
  @Autowired ProgressTracker progress;
  ApiClient api;

  @BeforeEach
  void modelReadyAndClient() {
    ModelReady.await(recommendations, progress);
    api = new ApiClient(port);
  }
}

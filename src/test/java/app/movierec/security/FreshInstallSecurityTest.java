package app.movierec.security;

import static app.movierec.security.WebClient.basic;
import static app.movierec.security.WebClient.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doAnswer;

import app.movierec.common.ProgressTracker;
import app.movierec.common.TrainingDataSource;
import app.movierec.ratings.RatingService;
import app.movierec.recommend.ModelLifecycle;
import app.movierec.recommend.ModelReady;
import app.movierec.recommend.RecommendationService;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An app as installed, over real HTTP: no operator password configured (so one is generated), the
 * rate limits low (2 visitor creations, 3 writes, 3 password checks per client and hour), and the
 * client address taken from {@code X-Forwarded-For} so that each test is a client of its own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "movierec.admin.password=",
      "movierec.rate-limit.visitors=2",
      "movierec.rate-limit.writes=3",
      "movierec.rate-limit.logins=3",
      "movierec.rate-limit.period=1h",
      "server.forward-headers-strategy=native"
    })
@Import(FreshInstallSecurityTest.CaptureOperatorLog.class)
class FreshInstallSecurityTest {

  /** Everything {@link OperatorAccounts} logs, from before it is created. */
  private static final ListAppender<ILoggingEvent> OPERATOR_LOG = new ListAppender<>();

  /**
   * Attaches {@link #OPERATOR_LOG} once Spring Boot has (re)initialised logging, which drops
   * appenders added earlier, and before any singleton (the operator's account) is created.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class CaptureOperatorLog {

    @Bean
    static BeanFactoryPostProcessor captureOperatorLog() {
      return beanFactory -> {
        OPERATOR_LOG.start();
        ((Logger) LoggerFactory.getLogger(OperatorAccounts.class)).addAppender(OPERATOR_LOG);
      };
    }
  }

  private static final Pattern GENERATED = Pattern.compile("password: (\\S+)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired RecommendationService recommendations;
  @Autowired ProgressTracker progress;
  @Autowired ModelLifecycle models;
  @Autowired OperatorAccountRepository accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired ApplicationContext context;
  @Autowired VisitorSession visitors;
  @Autowired RatingService ratings;
  @MockitoSpyBean TrainingDataSource trainingData;

  @BeforeEach
  void modelReady() {
    ModelReady.await(recommendations, progress);
  }

  private static List<String> generatedPasswordsLogged() {
    return OPERATOR_LOG.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(message -> message.contains("Generated the operator password"))
        .toList();
  }

  @Test
  void the_first_start_generates_a_password_prints_it_once_and_stores_only_its_hash() {
    List<String> printed = generatedPasswordsLogged();
    assertThat(printed).hasSize(1);
    Matcher found = GENERATED.matcher(printed.getFirst());
    assertThat(found.find()).isTrue();
    String password = found.group(1);
    assertThat(password).hasSize(24);

    String stored = accounts.findById("admin").orElseThrow().passwordHash();
    assertThat(stored).startsWith("$2").doesNotContain(password);
    assertThat(encoder.matches(password, stored)).isTrue();

    // a restart on the same database uses the stored hash and prints nothing
    OperatorAccounts restarted =
        new OperatorAccounts(new AdminProperties("admin", null), accounts, encoder);
    assertThat(restarted.loadUserByUsername("admin").getPassword()).isEqualTo(stored);
    assertThat(generatedPasswordsLogged()).hasSize(1);
    assertThat(OPERATOR_LOG.list)
        .map(ILoggingEvent::getFormattedMessage)
        .filteredOn(message -> message.contains(password))
        .hasSize(1);

    WebClient browser = new WebClient(port, "10.0.0.1");
    HttpResponse<String> login = browser.logIn("admin", password);
    assertThat(location(login)).doesNotContain("error");
    assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
  }

  @Test
  void visitor_creation_is_limited_per_client_with_a_429_problem_and_retry_after()
      throws Exception {
    WebClient client = new WebClient(port, "10.0.1.1");
    assertThat(createVisitor(client).statusCode()).isEqualTo(201);
    assertThat(createVisitor(client).statusCode()).isEqualTo(201);

    HttpResponse<String> refused = createVisitor(client);

    assertTooManyRequests(refused);
    assertThat(createVisitor(new WebClient(port, "10.0.1.2")).statusCode())
        .as("another client is not affected")
        .isEqualTo(201);
  }

  @Test
  void rating_writes_are_limited_per_client_and_a_refused_one_is_not_stored() throws Exception {
    WebClient client = new WebClient(port, "10.0.2.1");
    JsonNode visitor = JSON.readTree(createVisitor(client).body());
    String path = "/api/users/" + visitor.get("userId").asInt() + "/ratings";
    String bearer = "Bearer " + visitor.get("token").asString();
    for (int movieId = 1; movieId <= 3; movieId++) {
      assertThat(rate(client, path, bearer, movieId).statusCode()).isEqualTo(201);
    }

    assertTooManyRequests(rate(client, path, bearer, 4));
    assertThat(JSON.readTree(client.get(path, bearer).body()).size())
        .as("the refused rating was not stored")
        .isEqualTo(3);

    WebClient elsewhere = new WebClient(port, "10.0.2.2");
    assertThat(rate(elsewhere, path, bearer, 4).statusCode())
        .as("the limit is the client's, not the visitor's")
        .isEqualTo(201);
  }

  @Test
  void the_pages_count_visitor_creations_and_ratings_against_the_same_limits() {
    // a browserless session: its client address (127.0.0.1) is used by no other test here
    MockVaadin.setup(
        UI::new,
        new MockSpringServlet(new Routes().autoDiscoverViews("app.movierec.ui"), context, UI::new));
    try {
      visitors.startVisitor();
      int visitor = visitors.startVisitor();
      assertThatThrownBy(visitors::startVisitor)
          .isInstanceOf(RateLimitedException.class)
          .hasMessageContaining("try again in");
      for (int movieId = 1; movieId <= 3; movieId++) {
        visitors.rate(visitor, movieId, 4.0);
      }
      assertThatThrownBy(() -> visitors.rate(visitor, 4, 4.0))
          .isInstanceOf(RateLimitedException.class);
      assertThat(ratings.ratingsOf(visitor)).hasSize(3);
    } finally {
      MockVaadin.tearDown();
    }
  }

  @Test
  void password_checks_are_limited_per_client_on_the_form_and_the_api() {
    WebClient guesser = new WebClient(port, "10.0.3.1");
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThat(location(guesser.logIn("admin", "guess " + attempt))).endsWith("/login?error");
    }
    HttpResponse<String> basicGuess =
        guesser.post("/api/admin/retrain", "application/json", "", basic("admin", "guess 3"));
    assertThat(basicGuess.statusCode()).isEqualTo(401);

    HttpResponse<String> refused = guesser.logIn("admin", "guess 4");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertTooManyRequests(
        guesser.post("/api/admin/retrain", "application/json", "", basic("admin", "guess 5")));
  }

  @Test
  void a_retrain_asked_for_while_one_is_queued_or_running_is_not_queued_again() throws Exception {
    String operator = basic("admin", generatedPassword());
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger loads = new AtomicInteger();
    doAnswer(
            invocation -> {
              loads.incrementAndGet();
              running.countDown();
              release.await(60, TimeUnit.SECONDS);
              return invocation.callRealMethod();
            })
        .when(trainingData)
        .load();
    WebClient first = new WebClient(port, "10.0.4.1");
    WebClient second = new WebClient(port, "10.0.4.2");

    HttpResponse<String> started =
        first.post("/api/admin/retrain", "application/json", "", operator);
    assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> joined =
        second.post("/api/admin/retrain", "application/json", "", operator);
    var retrain = models.runningRetrain().orElseThrow();
    release.countDown();
    retrain.get(90, TimeUnit.SECONDS);

    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(started.body()).get("joined").asBoolean()).isFalse();
    assertThat(joined.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(joined.body()).get("joined").asBoolean()).isTrue();
    assertThat(loads.get()).as("one retrain for both requests").isEqualTo(1);
    assertThat(models.busy()).isFalse();
  }

  private static String generatedPassword() {
    Matcher found = GENERATED.matcher(generatedPasswordsLogged().getFirst());
    assertThat(found.find()).isTrue();
    return found.group(1);
  }

  private static HttpResponse<String> createVisitor(WebClient client) {
    return client.post("/api/users", "application/json", "", null);
  }

  private static HttpResponse<String> rate(
      WebClient client, String path, String bearer, int movieId) {
    return client.post(
        path, "application/json", "{\"movieId\":" + movieId + ",\"rating\":4}", bearer);
  }

  private static void assertTooManyRequests(HttpResponse<String> refused) {
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("status").asInt()).isEqualTo(429);
    assertThat(problem.get("detail").asString()).contains("try again in");
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3600L);
  }
}

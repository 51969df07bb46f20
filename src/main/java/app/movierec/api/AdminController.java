package app.movierec.api;

import app.movierec.recommend.ModelLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin}: the operator's actions, with the operator's Basic credentials ({@link
 * ApiSecurity}).
 */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

  private final ModelLifecycle models;

  AdminController(ModelLifecycle models) {
    this.models = models;
  }

  /** Whether a retrain was started by this request or was already queued or running. */
  record RetrainJson(boolean retraining, boolean joined) {}

  /**
   * Retrains the recommender in the background (the current model keeps serving); while a retrain
   * is queued or running, joins it instead of queueing another. 202 Accepted.
   */
  @PostMapping("/retrain")
  @ResponseStatus(HttpStatus.ACCEPTED)
  RetrainJson retrain() {
    boolean joined = models.busy();
    models.retrain();
    return new RetrainJson(true, joined);
  }
}

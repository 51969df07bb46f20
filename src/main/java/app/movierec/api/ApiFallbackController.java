package app.movierec.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path under {@code /api}: a 404 problem, rather than Vaadin's HTML "route not found"
 * page.
 */
@Hidden
@RestController
class ApiFallbackController {

  @RequestMapping("/api/**")
  void unknownPath() {
    throw new ApiPathNotFoundException();
  }

  static class ApiPathNotFoundException extends RuntimeException {}
}

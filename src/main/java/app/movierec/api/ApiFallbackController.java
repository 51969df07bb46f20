package app.movierec.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Any request under {@code /api} that no endpoint takes: a 405 problem with {@code Allow} when the
 * path is an endpoint's but the method is not (OPTIONS answers the {@code Allow} alone), otherwise
 * a 404 problem, rather than Vaadin's HTML "route not found" page. This catch-all mapping accepts
 * every method, so without the check a wrong method would end here as a 404.
 */
@Hidden
@RestController
class ApiFallbackController {

  private final ObjectProvider<RequestMappingHandlerMapping> mappings;

  ApiFallbackController(
      @Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.mappings = mappings;
  }

  @RequestMapping("/api/**")
  ResponseEntity<Void> unknownPath(HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    Set<String> allowed = allowedMethods(request);
    if (allowed.isEmpty()) {
      throw new ApiPathNotFoundException();
    }
    if (HttpMethod.OPTIONS.matches(request.getMethod())) {
      return ResponseEntity.ok()
          .allow(allowed.stream().map(HttpMethod::valueOf).toArray(HttpMethod[]::new))
          .build();
    }
    throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
  }

  /** The methods of the other endpoints whose path patterns match this request's path. */
  private Set<String> allowedMethods(HttpServletRequest request) {
    Set<String> allowed = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getObject().getHandlerMethods().entrySet()) {
      if (entry.getValue().getBeanType() == ApiFallbackController.class) {
        continue;
      }
      PathPatternsRequestCondition paths = entry.getKey().getPathPatternsCondition();
      if (paths == null || paths.getMatchingCondition(request) == null) {
        continue;
      }
      for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
        allowed.add(method.name());
      }
    }
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    if (!allowed.isEmpty()) {
      allowed.add("OPTIONS");
    }
    return allowed;
  }

  static class ApiPathNotFoundException extends RuntimeException {}
}

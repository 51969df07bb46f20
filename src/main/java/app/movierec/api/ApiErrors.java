package app.movierec.api;

import app.movierec.common.UnknownUserException;
import app.movierec.ratings.InvalidRatingException;
import app.movierec.recommend.NotReadyException;
import app.movierec.security.PayloadTooLargeException;
import app.movierec.security.WriteAccess;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every API error as RFC 7807 problem JSON ({@code application/problem+json}): 400 with a {@code
 * field} property for bad input, 401 without a visitor's token and 403 with someone else's, 404 for
 * unknown users, movies and paths, 405 with {@code Allow} for a wrong method, 413 for a body too
 * long, 503 while the recommender trains, 500 without details otherwise (the filters in {@code
 * app.movierec.security} answer 413 and 429 before a request gets here, in the same shape). Never a
 * stack trace or an exception class name.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
  static final String RETRY_AFTER_SECONDS = "10";

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), e.field());
  }

  @ExceptionHandler(InvalidRatingException.class)
  ProblemDetail invalidRating(InvalidRatingException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid rating", e.getMessage(), e.field());
  }

  @ExceptionHandler(UnknownUserException.class)
  ProblemDetail unknownUser(UnknownUserException e) {
    return problem(HttpStatus.NOT_FOUND, "Unknown user", "unknown user " + e.userId(), "userId");
  }

  @ExceptionHandler(MovieNotFoundException.class)
  ProblemDetail unknownMovie(MovieNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Unknown movie", e.getMessage(), "movieId");
  }

  @ExceptionHandler(ApiFallbackController.ApiPathNotFoundException.class)
  ProblemDetail unknownPath() {
    return problem(HttpStatus.NOT_FOUND, "Not found", "no such API endpoint", null);
  }

  @ExceptionHandler(RatingNotFoundException.class)
  ProblemDetail ratingNotFound(RatingNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "No such rating", e.getMessage(), "movieId");
  }

  /** A write without the visitor's token (or the operator's credentials): 401 (RFC 6750). */
  @ExceptionHandler(WriteAccess.NotSignedInException.class)
  ResponseEntity<ProblemDetail> notSignedIn(WriteAccess.NotSignedInException e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(
            HttpHeaders.WWW_AUTHENTICATE,
            "Bearer realm=\""
                + ApiSecurity.REALM
                + "\""
                + (e.invalidToken() ? ", error=\"invalid_token\"" : ""))
        .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", e.getMessage(), null));
  }

  /** A valid token for someone else's ratings: 403. */
  @ExceptionHandler(WriteAccess.NotOwnerException.class)
  ProblemDetail notOwner(WriteAccess.NotOwnerException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), "userId");
  }

  /** Tomcat's parameter parsing failed (a malformed %-escape) where the filter did not look. */
  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail invalidParameter() {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Invalid request",
        "the query string cannot be decoded (a malformed %-escape)",
        "query");
  }

  @ExceptionHandler(NotReadyException.class)
  ResponseEntity<ProblemDetail> notReady(NotReadyException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Recommender not ready",
                "the recommender is still training; try again shortly",
                null));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("API request failed", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "the request could not be processed",
        null);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field =
        e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    // a converter's own message says what is accepted (ModeConverter); otherwise name the type
    Throwable cause = e.getMostSpecificCause();
    String detail =
        cause instanceof IllegalArgumentException && !(cause instanceof NumberFormatException)
            ? cause.getMessage()
            : field
                + " has an invalid value '"
                + e.getValue()
                + "'"
                + (e.getRequiredType() == int.class || e.getRequiredType() == Integer.class
                    ? " (expected a whole number up to 2147483647)"
                    : e.getRequiredType() == double.class || e.getRequiredType() == Double.class
                        ? " (expected a number)"
                        : "");
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, field));
  }

  /** Bean Validation of parameters ({@code @Min}, {@code @DecimalMax}, {@code @NotBlank}...). */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ParameterValidationResult first = e.getParameterValidationResults().getFirst();
    String field = first.getMethodParameter().getParameterName();
    MessageSourceResolvable error = first.getResolvableErrors().getFirst();
    String detail = field + " " + error.getDefaultMessage() + ", got '" + first.getArgument() + "'";
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, field));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "parameter " + e.getParameterName() + " is required",
                e.getParameterName()));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
            .body(
                problem(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request too large",
                    "the request body is longer than the "
                        + tooLarge.limit()
                        + " bytes accepted here",
                    "body"));
      }
      if (cause instanceof UnrecognizedPropertyException unknown) {
        String field = jsonPath(unknown);
        return ResponseEntity.badRequest()
            .body(
                problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "unknown field " + field + " (a rating has movieId and rating only)",
                    field));
      }
      // a value of the wrong type (not broken JSON, whose path is only where the parser stopped)
      if (cause instanceof MismatchedInputException json && !json.getPath().isEmpty()) {
        String field = jsonPath(json);
        return ResponseEntity.badRequest()
            .body(
                problem(
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    field + " has a value of the wrong type or format",
                    field));
      }
    }
    // the parser's message names internal classes: keep it out of the response
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "Malformed JSON",
                "the request body is missing or is not valid JSON of the expected shape",
                "body"));
  }

  /** A wrong method on a known path: 405 with {@code Allow}. */
  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    HttpHeaders allow = new HttpHeaders();
    allow.setAllow(e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods());
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .headers(allow)
        .body(
            problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "Method not allowed",
                e.getMethod()
                    + " is not supported here; allowed: "
                    + String.join(
                        ", ",
                        e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()),
                null));
  }

  /** {@code [3].movieId} from Jackson's path of the offending value. */
  private static String jsonPath(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail, String field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }
}

package app.movierec.api;

import app.movierec.common.UnknownUserException;
import app.movierec.ratings.InvalidRatingException;
import app.movierec.recommend.NotReadyException;
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
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 7807 problem JSON ({@code application/problem+json}): 400 with a {@code
 * field} property for bad input, 404 for unknown users and movies, 503 while the recommender
 * trains, 500 without details otherwise. Never a stack trace or an exception class name.
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
    // the parser's message names internal classes: keep it out of the response
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "Malformed JSON",
                "the request body is missing or is not valid JSON of the expected shape",
                "body"));
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

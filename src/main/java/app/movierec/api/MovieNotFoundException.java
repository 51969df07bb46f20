package app.movierec.api;

/** A movieId the catalogue does not have, in a path; answered with 404. */
class MovieNotFoundException extends RuntimeException {

  MovieNotFoundException(int movieId) {
    super("unknown movie " + movieId);
  }
}

package app.movierec.api;

/** No live rating of that movie by that user to delete; answered with 404. */
class RatingNotFoundException extends RuntimeException {

  RatingNotFoundException(int userId, int movieId) {
    super("user " + userId + " has no rating of movie " + movieId + " given in the app");
  }
}

/** Users' star ratings of movies (MovieLens' ratings.csv): the entity, its repository and {@link app.movierec.ratings.RatingService}. */
package app.movierec.ratings;

/**
 * Users and their star ratings: the imported MovieLens ratings ({@code rating}), ratings given in
 * the app ({@code live_rating}, untouched by a re-import) and visitors without a MovieLens id
 * ({@code visitor}, ids from 1,000,000,000 up). {@link app.movierec.ratings.RatingService} merges
 * them into each user's effective ratings.
 */
package app.movierec.ratings;

package app.movierec.ratings;

import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A user's star rating of a movie from MovieLens' ratings.csv; the import replaces the whole table.
 */
@Entity
@Table(name = "rating")
@IdClass(RatingId.class)
public class Rating extends StarRating {

  protected Rating() {}

  public Rating(int userId, int movieId, float rating, long ratedAt) {
    super(userId, movieId, rating, ratedAt);
  }
}

package app.movierec.ratings;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LiveRatingRepository extends JpaRepository<LiveRating, RatingId> {

  boolean existsByUserId(int userId);

  /** A user's (movieId, rating) pairs: a range of the primary key (user_id, movie_id). */
  @Query("select l.movieId, l.rating from LiveRating l where l.userId = ?1 order by l.movieId")
  List<Object[]> findMovieIdsAndRatings(int userId);
}

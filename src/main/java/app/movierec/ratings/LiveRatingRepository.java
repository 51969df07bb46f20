package app.movierec.ratings;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Writes and existence checks of live ratings; a user's live history is read with plain JDBC on the
 * hot path ({@link RatingService#liveHistoryOf}).
 */
interface LiveRatingRepository extends JpaRepository<LiveRating, RatingId> {

  boolean existsByUserId(int userId);
}

package app.movierec.ratings;

import org.springframework.data.jpa.repository.JpaRepository;

interface LiveRatingRepository extends JpaRepository<LiveRating, RatingId> {

  boolean existsByUserId(int userId);
}

package app.movierec.ratings;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The MovieLens ratings; a user's ratings are one range of the primary key ({@link Rating#key}).
 */
interface RatingRepository extends JpaRepository<Rating, Long> {

  /** User {@code userId}'s ratings, best first, then latest first. */
  default List<Rating> findByUser(int userId) {
    return findByKeyBetweenOrderByRatingDescRatedAtDesc(
        Rating.firstKey(userId), Rating.lastKey(userId));
  }

  default boolean existsByUser(int userId) {
    return existsByKeyBetween(Rating.firstKey(userId), Rating.lastKey(userId));
  }

  List<Rating> findByKeyBetweenOrderByRatingDescRatedAtDesc(long firstKey, long lastKey);

  boolean existsByKeyBetween(long firstKey, long lastKey);

  @Query("select count(distinct r.userId) from Rating r")
  long countUsers();

  @Query("select distinct r.userId from Rating r order by r.userId")
  List<Integer> findUserIds(Pageable page);
}

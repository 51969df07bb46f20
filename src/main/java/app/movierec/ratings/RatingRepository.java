package app.movierec.ratings;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RatingRepository extends JpaRepository<Rating, RatingId> {

  List<Rating> findByUserIdOrderByRatingDescRatedAtDesc(int userId);

  boolean existsByUserId(int userId);

  @Query("select count(distinct r.userId) from Rating r")
  long countUsers();

  @Query("select distinct r.userId from Rating r order by r.userId")
  List<Integer> findUserIds(Pageable page);
}

package app.movierec.ratings;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VisitorRepository extends JpaRepository<Visitor, Integer> {

  /** The visitor whose token has this SHA-256 (a unique index). */
  @Query("select v.userId from Visitor v where v.tokenHash = ?1")
  Optional<Integer> findUserIdByTokenHash(String tokenHash);
}

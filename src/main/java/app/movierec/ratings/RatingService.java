package app.movierec.ratings;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to users' ratings. */
@Service
@Transactional(readOnly = true)
public class RatingService {

  private final RatingRepository ratings;

  RatingService(RatingRepository ratings) {
    this.ratings = ratings;
  }

  /** A user's ratings, best first (most recent first among equals); empty for an unknown user. */
  public List<Rating> ratingsOf(long userId) {
    return userId > 0 && userId <= Integer.MAX_VALUE
        ? ratings.findByUserIdOrderByRatingDescRatedAtDesc((int) userId)
        : List.of();
  }

  public boolean userExists(long userId) {
    return userId > 0 && userId <= Integer.MAX_VALUE && ratings.existsByUserId((int) userId);
  }

  public long ratingCount() {
    return ratings.count();
  }

  public long userCount() {
    return ratings.countUsers();
  }

  /** A user drawn uniformly from everyone who rated something; empty when there are no ratings. */
  public Optional<Long> randomUserId(RandomGenerator random) {
    long users = userCount();
    if (users == 0) {
      return Optional.empty();
    }
    int index = (int) random.nextLong(Math.min(users, Integer.MAX_VALUE));
    return ratings.findUserIds(PageRequest.of(index, 1)).stream().findFirst().map(Integer::longValue);
  }
}

package app.movierec.common;

import java.util.Arrays;

/**
 * One user's star ratings: movieIds in ascending order with their stars (0.5 to 5.0), immutable. It
 * names the user it belongs to, or {@link #ANONYMOUS} for a visitor's ratings that belong to no
 * stored user (an API request, an evaluation's cold user).
 *
 * <p>This is what every model scores and explains; a recommender never needs to know where the
 * ratings came from (MovieLens, the app, a test split).
 */
public final class UserHistory {

  /** The userId of a history that belongs to no user. MovieLens and visitor ids are positive. */
  public static final int ANONYMOUS = 0;

  /** Pseudo-ratings of {@link #PRIOR_MEAN} stars a user's mean is shrunk towards. */
  public static final int PRIOR_RATINGS = 5;

  /** The middle of MovieLens' 0.5-5 scale, where a user's reference rating starts. */
  public static final double PRIOR_MEAN = 3.5;

  /** How far below their reference rating a rating must be to count as a dislike. */
  public static final double DISLIKE_MARGIN = 0.5;

  private static final UserHistory EMPTY = new UserHistory(ANONYMOUS, new int[0], new float[0]);

  private final int userId;
  private final int[] movieIds;
  private final float[] ratings;

  private UserHistory(int userId, int[] movieIds, float[] ratings) {
    this.userId = userId;
    this.movieIds = movieIds;
    this.ratings = ratings;
  }

  /** An anonymous history without ratings. */
  public static UserHistory empty() {
    return EMPTY;
  }

  /** A builder for the ratings of {@code userId} ({@link #ANONYMOUS} for none). */
  public static Builder builder(int userId) {
    return new Builder(userId);
  }

  /**
   * The history of parallel arrays (any order; copied). A movie rated twice keeps the later entry.
   */
  public static UserHistory of(int userId, int[] movieIds, float[] ratings) {
    if (movieIds.length != ratings.length) {
      throw new IllegalArgumentException("movieIds and ratings must have the same length");
    }
    Builder builder = builder(userId);
    for (int i = 0; i < movieIds.length; i++) {
      builder.rate(movieIds[i], ratings[i]);
    }
    return builder.build();
  }

  /**
   * The history of arrays already in order: {@code movieIds} strictly ascending. The arrays are
   * taken over, not copied, so the caller must not change them afterwards (a fast path for models
   * that keep ratings sorted).
   */
  public static UserHistory ofAscending(int userId, int[] movieIds, float[] ratings) {
    if (movieIds.length != ratings.length) {
      throw new IllegalArgumentException("movieIds and ratings must have the same length");
    }
    for (int i = 1; i < movieIds.length; i++) {
      if (movieIds[i] <= movieIds[i - 1]) {
        throw new IllegalArgumentException("movieIds must be strictly ascending");
      }
    }
    if (userId < 0) {
      throw new IllegalArgumentException("userId must be positive (or ANONYMOUS), got " + userId);
    }
    return new UserHistory(userId, movieIds, ratings);
  }

  /** Whose ratings these are, or {@link #ANONYMOUS}. */
  public int userId() {
    return userId;
  }

  public boolean isAnonymous() {
    return userId == ANONYMOUS;
  }

  public int size() {
    return movieIds.length;
  }

  public boolean isEmpty() {
    return movieIds.length == 0;
  }

  /** The movieId at {@code index} ({@code 0..size()-1}, ascending movieIds). */
  public int movieId(int index) {
    return movieIds[index];
  }

  /** The stars at {@code index}. */
  public float rating(int index) {
    return ratings[index];
  }

  /** The stars the user gave {@code movieId}, or NaN when they did not rate it. */
  public float ratingOf(int movieId) {
    int index = Arrays.binarySearch(movieIds, movieId);
    return index >= 0 ? ratings[index] : Float.NaN;
  }

  public boolean contains(int movieId) {
    return Arrays.binarySearch(movieIds, movieId) >= 0;
  }

  /** The rated movieIds, ascending (a copy). */
  public int[] movieIds() {
    return movieIds.clone();
  }

  /**
   * The rating this user's ratings are compared with: their mean, shrunk towards the middle of the
   * scale (3.5 stars) by {@link #PRIOR_RATINGS} pseudo-ratings, so that one or two ratings say
   * something too (a lone 0.5 is below it, a lone 5.0 above). Chosen by evaluation on
   * ml-latest-small: as a content profile's weights, {@code rating - reference} ranked held-out
   * movies about three times better than the fixed 3.5 cut (nDCG@10 0.050 vs 0.017, seed 42; 0.054
   * vs 0.021, seed 7) with the hybrid unchanged.
   */
  public double referenceRating() {
    double sum = 0;
    for (float rating : ratings) {
      sum += rating;
    }
    return (sum + PRIOR_RATINGS * PRIOR_MEAN) / (ratings.length + PRIOR_RATINGS);
  }

  /** How much more than {@link #referenceRating()} the user liked the movie at {@code index}. */
  public double preference(int index) {
    return ratings[index] - referenceRating();
  }

  /**
   * Whether the rating at {@code index} is a dislike: more than {@link #DISLIKE_MARGIN} stars below
   * the user's {@linkplain #referenceRating() reference rating}. Dislikes push a content profile
   * away and are never shown as favourites.
   */
  public boolean dislikes(int index) {
    return preference(index) < -DISLIKE_MARGIN;
  }

  /** Whether every rating is a dislike (false for an empty history). */
  public boolean onlyDislikes() {
    if (isEmpty()) {
      return false;
    }
    double reference = referenceRating();
    for (float rating : ratings) {
      if (rating - reference >= -DISLIKE_MARGIN) {
        return false;
      }
    }
    return true;
  }

  /** The mean of the stars; NaN for an empty history. */
  public double meanRating() {
    if (ratings.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (float rating : ratings) {
      sum += rating;
    }
    return sum / ratings.length;
  }

  /** These ratings with {@code newer}'s added; where both rated a movie, {@code newer} wins. */
  public UserHistory overriddenBy(UserHistory newer) {
    if (newer.isEmpty()) {
      return this;
    }
    Builder builder = builder(userId);
    for (int i = 0; i < movieIds.length; i++) {
      builder.rate(movieIds[i], ratings[i]);
    }
    for (int i = 0; i < newer.size(); i++) {
      builder.rate(newer.movieId(i), newer.rating(i));
    }
    return builder.build();
  }

  /** The same ratings with {@code movieId} rated {@code rating} (added or replaced). */
  public UserHistory with(int movieId, double rating) {
    return overriddenBy(builder(userId).rate(movieId, rating).build());
  }

  /** The same ratings without {@code movieId}. */
  public UserHistory without(int movieId) {
    int index = Arrays.binarySearch(movieIds, movieId);
    if (index < 0) {
      return this;
    }
    int[] ids = new int[movieIds.length - 1];
    float[] stars = new float[ratings.length - 1];
    System.arraycopy(movieIds, 0, ids, 0, index);
    System.arraycopy(movieIds, index + 1, ids, index, ids.length - index);
    System.arraycopy(ratings, 0, stars, 0, index);
    System.arraycopy(ratings, index + 1, stars, index, stars.length - index);
    return new UserHistory(userId, ids, stars);
  }

  /** The same ratings as {@code userId}'s history. */
  public UserHistory forUser(int newUserId) {
    return newUserId == userId ? this : new UserHistory(newUserId, movieIds, ratings);
  }

  /** Whether both hold the same movies with the same stars (whoever they belong to). */
  public boolean sameRatingsAs(UserHistory other) {
    return Arrays.equals(movieIds, other.movieIds) && Arrays.equals(ratings, other.ratings);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UserHistory that && userId == that.userId && sameRatingsAs(that);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * userId + Arrays.hashCode(movieIds)) + Arrays.hashCode(ratings);
  }

  @Override
  public String toString() {
    return "UserHistory["
        + (isAnonymous() ? "anonymous" : "user " + userId)
        + ", "
        + size()
        + " ratings]";
  }

  /** Collects ratings in any order; a movie rated again keeps the last value. */
  public static final class Builder {
    private final int userId;
    private int[] movieIds = new int[16];
    private float[] ratings = new float[16];
    private int size;

    private Builder(int userId) {
      if (userId < 0) {
        throw new IllegalArgumentException("userId must be positive (or ANONYMOUS), got " + userId);
      }
      this.userId = userId;
    }

    /** Adds (or, when given again, replaces) a rating; {@code rating} must be a finite number. */
    public Builder rate(int movieId, double rating) {
      if (!Double.isFinite(rating)) {
        throw new IllegalArgumentException("rating of movie " + movieId + " is not a number");
      }
      if (size == movieIds.length) {
        movieIds = Arrays.copyOf(movieIds, size * 2);
        ratings = Arrays.copyOf(ratings, size * 2);
      }
      movieIds[size] = movieId;
      ratings[size] = (float) rating;
      size++;
      return this;
    }

    public UserHistory build() {
      // order by movieId, later entries last among equals (a stable sort of indexes), then keep the
      // last entry of each movie
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(movieIds[a], movieIds[b]));
      int[] ids = new int[size];
      float[] stars = new float[size];
      int count = 0;
      for (int k = 0; k < size; k++) {
        int i = order[k];
        if (count > 0 && ids[count - 1] == movieIds[i]) {
          stars[count - 1] = ratings[i];
        } else {
          ids[count] = movieIds[i];
          stars[count] = ratings[i];
          count++;
        }
      }
      return new UserHistory(userId, Arrays.copyOf(ids, count), Arrays.copyOf(stars, count));
    }
  }
}

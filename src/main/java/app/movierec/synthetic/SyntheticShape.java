package app.movierec.synthetic;

/**
 * The size of a synthetic MovieLens folder. {@link #ml25m()} is ML-25M's shape; {@link
 * #scaledTo(long)} keeps its proportions for another number of ratings: users grow with the ratings
 * (about 154 ratings each), movies more slowly (ratings^0.6, as MovieLens releases do), genome
 * movies stay 22% of the movies, tags 4.4% of the ratings.
 *
 * @param users users, ids 1..users; each rates at least {@link #MIN_RATINGS_PER_USER} movies
 * @param movies movies in movies.csv (and links.csv); some stay unrated, as in MovieLens
 * @param ratings rows of ratings.csv
 * @param tags rows of tags.csv
 * @param genomeMovies movies with a tag-genome vector (the most popular ones)
 * @param genomeTags tags of the genome (1,128 in ML-25M); genome-scores.csv has {@code genomeMovies
 *     x genomeTags} rows
 */
public record SyntheticShape(
    int users, int movies, long ratings, long tags, int genomeMovies, int genomeTags) {

  public static final int MIN_RATINGS_PER_USER = 20;

  static final int ML25M_USERS = 162_541;
  static final int ML25M_MOVIES = 62_423;
  static final long ML25M_RATINGS = 25_000_095;
  static final long ML25M_TAGS = 1_093_360;
  static final int ML25M_GENOME_MOVIES = 13_816;
  static final int ML25M_GENOME_TAGS = 1_128;

  public SyntheticShape {
    if (users < 1) {
      throw new IllegalArgumentException("users must be at least 1, got " + users);
    }
    if (movies < MIN_RATINGS_PER_USER) {
      throw new IllegalArgumentException(
          "movies must be at least "
              + MIN_RATINGS_PER_USER
              + " (every user rates 20), got "
              + movies);
    }
    if (ratings < (long) MIN_RATINGS_PER_USER * users) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "%,d ratings are too few for %,d users: every user rates at least %d movies"
                  + " (give at least %,d ratings or at most %,d users)",
              ratings,
              users,
              MIN_RATINGS_PER_USER,
              (long) MIN_RATINGS_PER_USER * users,
              ratings / MIN_RATINGS_PER_USER));
    }
    if (ratings > (long) users * maxRatingsPerUser(movies)) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "%,d ratings are too many for %,d users and %,d movies: a user rates at most %,d"
                  + " movies",
              ratings,
              users,
              movies,
              maxRatingsPerUser(movies)));
    }
    if (ratings > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("at most " + (Integer.MAX_VALUE - 8) + " ratings");
    }
    if (tags < 0) {
      throw new IllegalArgumentException("tags must not be negative, got " + tags);
    }
    if (genomeMovies < 0 || genomeMovies > movies) {
      throw new IllegalArgumentException(
          "genome movies must lie between 0 and the " + movies + " movies, got " + genomeMovies);
    }
    if (genomeTags < 1 || genomeTags > 100_000) {
      throw new IllegalArgumentException(
          "genome tags must lie between 1 and 100000, got " + genomeTags);
    }
  }

  /** ML-25M's shape: 162,541 users, 62,423 movies, 25,000,095 ratings, 1,093,360 tags. */
  public static SyntheticShape ml25m() {
    return new SyntheticShape(
        ML25M_USERS,
        ML25M_MOVIES,
        ML25M_RATINGS,
        ML25M_TAGS,
        ML25M_GENOME_MOVIES,
        ML25M_GENOME_TAGS);
  }

  /** ML-25M's proportions at another number of ratings (see the class comment). */
  public static SyntheticShape scaledTo(long ratings) {
    if (ratings == ML25M_RATINGS) {
      return ml25m();
    }
    double f = ratings / (double) ML25M_RATINGS;
    int users =
        (int) Math.max(1, Math.min(ratings / MIN_RATINGS_PER_USER, Math.round(ML25M_USERS * f)));
    int movies =
        (int) Math.max(MIN_RATINGS_PER_USER * 2, Math.round(ML25M_MOVIES * Math.pow(f, 0.6)));
    while ((long) users * maxRatingsPerUser(movies) < ratings) {
      movies = movies + movies / 2; // a dense corner: more movies so that users can rate enough
    }
    int genomeMovies = (int) Math.round(movies * (ML25M_GENOME_MOVIES / (double) ML25M_MOVIES));
    long tags = Math.round(ML25M_TAGS * f);
    return new SyntheticShape(users, movies, ratings, tags, genomeMovies, ML25M_GENOME_TAGS);
  }

  /**
   * ML-25M's proportions at {@code ratings} ({@link #scaledTo}), with any of the other sizes given
   * (null: the scaled default). Given movies keep the genome's share of them unless genome movies
   * are given too.
   */
  public static SyntheticShape of(
      long ratings,
      Integer users,
      Integer movies,
      Long tags,
      Integer genomeMovies,
      Integer genomeTags) {
    SyntheticShape scaled = scaledTo(ratings);
    int movieCount = movies != null ? movies : scaled.movies;
    int userCount = users != null ? users : scaled.users;
    if (users == null && movies != null) {
      // fewer movies may need more users to hold the ratings
      long needed = (ratings + maxRatingsPerUser(movieCount) - 1) / maxRatingsPerUser(movieCount);
      userCount = (int) Math.max(userCount, Math.min(needed, ratings / MIN_RATINGS_PER_USER));
    }
    int genome =
        genomeMovies != null
            ? genomeMovies
            : (int) Math.round(movieCount * (ML25M_GENOME_MOVIES / (double) ML25M_MOVIES));
    return new SyntheticShape(
        userCount,
        movieCount,
        ratings,
        tags != null ? tags : scaled.tags,
        genome,
        genomeTags != null ? genomeTags : scaled.genomeTags);
  }

  /** Rows of genome-scores.csv. */
  public long genomeScores() {
    return (long) genomeMovies * genomeTags;
  }

  /** The most one user rates: half the catalogue (ML-25M's heaviest user rated 32,202 movies). */
  static int maxRatingsPerUser(int movies) {
    return Math.max(MIN_RATINGS_PER_USER, movies / 2);
  }
}

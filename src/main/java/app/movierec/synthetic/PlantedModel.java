package app.movierec.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The known latent structure behind a synthetic folder, built from the shape and a seed alone.
 *
 * <ul>
 *   <li>{@code K} topics (up to 20). Each movie belongs to a primary topic and, with a weight
 *       {@code s} in [0, 0.4), to a secondary one: its factor vector {@code w_j} has {@code 1 - s}
 *       and {@code s} in those two places. Movies have a long-tail popularity {@code pop_j}
 *       (lognormal, softly capped, so the top movie gets about 0.3% of the ratings at ML-25M's
 *       shape and a few percent of the movies get none).
 *   <li>Each user has a taste {@code theta_u} on the topic simplex (Dirichlet, concentration
 *       {@value #TASTE_CONCENTRATION}, mean = the topics' popularity mass) and a lognormal activity
 *       (at least 20 ratings). A user's movies are drawn without repeats with probability {@code (1
 *       - eps) * sum_k theta_uk * pop_j * w_jk / mass_k + eps * pop_j}, {@code eps =} {@value
 *       #POPULARITY_SHARE}: a rank-K factor model plus a popularity component. Stars grow with the
 *       user's affinity {@code theta_u . w_j}, the movie's quality and the user's bias, plus noise.
 *   <li>Genome relevance of tag {@code t} for movie {@code j} is {@code sigmoid(b_t + L_t . w_j +
 *       noise)}: each tag loads strongly on one home topic, so movies of a topic share a genome
 *       profile. User tags come from the vocabulary of the tagged movie's primary topic (75%) or a
 *       generic one, and genres from the primary topic's two signature genres.
 * </ul>
 *
 * Randomness comes from per-entity streams ({@link #random(long, long)}): a user's ratings depend
 * on the seed and the user only, so they can be generated in parallel and in any order.
 */
final class PlantedModel {

  static final double TASTE_CONCENTRATION = 1.0;
  static final double POPULARITY_SHARE = 0.1;
  static final double POPULARITY_SIGMA = 2.3;
  static final double TOP_MOVIE_SHARE = 1.0;
  static final double ACTIVITY_SIGMA = 1.25;
  static final double TAGGER_SHARE = 0.0935; // ML-25M: 15,200 of 162,541 users gave tags
  static final double TAG_ACTIVITY_SIGMA = 2.0;

  static final long STREAM_MOVIES = 1;
  static final long STREAM_USERS = 2;
  static final long STREAM_TAGS = 3;
  static final long STREAM_GENOME = 4;
  static final long STREAM_TITLES = 5;
  static final long STREAM_ACTIVITY = 6;
  static final long STREAM_TAGGERS = 7;

  final SyntheticShape shape;
  final long seed;
  final int topics;
  final int[] movieIds; // ascending; "movie row" j indexes every per-movie array
  final double[] popularity; // sums to 1
  final int[] primaryTopic;
  final int[] secondaryTopic;
  final float[] secondaryWeight;
  final float[] quality;
  final int[][] topicMembers; // movie rows of each topic
  final double[][] topicCumulative; // cumulative pop_j * w_jk over topicMembers[k]
  final double[] topicMass;
  final double[] popularityCumulative;
  final int[] ratingsPerUser; // by userId - 1
  final int[] taggerIds; // ascending
  final int[] tagsPerTagger;
  final int[] genomeMovieRows; // ascending
  final float[] tagLoadings; // genomeTags x topics
  final float[] tagBias;

  PlantedModel(SyntheticShape shape, long seed) {
    this.shape = shape;
    this.seed = seed;
    int movies = shape.movies();
    topics = Math.max(4, Math.min(20, movies / 60));

    SplittableRandom random = random(STREAM_MOVIES, 0);
    movieIds = new int[movies];
    popularity = new double[movies];
    primaryTopic = new int[movies];
    secondaryTopic = new int[movies];
    secondaryWeight = new float[movies];
    quality = new float[movies];
    int movieId = 0;
    double sum = 0;
    for (int j = 0; j < movies; j++) {
      // MovieLens ids have gaps (ML-25M's 62,423 movies reach id 209,171)
      movieId += 1 + (int) Math.min(40, random.nextExponential() * 2.35);
      movieIds[j] = movieId;
      popularity[j] = Math.exp(POPULARITY_SIGMA * random.nextGaussian());
      sum += popularity[j];
      primaryTopic[j] = random.nextInt(topics);
      int other = random.nextInt(topics - 1);
      secondaryTopic[j] = other >= primaryTopic[j] ? other + 1 : other;
      secondaryWeight[j] = (float) (random.nextDouble() * 0.4);
      quality[j] = (float) (random.nextGaussian() * 0.45);
    }
    // a soft cap near one draw per user: in every MovieLens release the most rated movie has
    // been rated by about half the users, whatever the size
    double meanPerUser = shape.ratings() / (double) shape.users();
    double cap = Math.min(1, TOP_MOVIE_SHARE / meanPerUser) * sum;
    double capped = 0;
    for (int j = 0; j < movies; j++) {
      popularity[j] = popularity[j] / (1 + popularity[j] / cap);
      capped += popularity[j];
    }
    popularityCumulative = new double[movies];
    double running = 0;
    for (int j = 0; j < movies; j++) {
      popularity[j] /= capped;
      running += popularity[j];
      popularityCumulative[j] = running;
    }

    int[] memberCounts = new int[topics];
    for (int j = 0; j < movies; j++) {
      memberCounts[primaryTopic[j]]++;
      memberCounts[secondaryTopic[j]]++;
    }
    topicMembers = new int[topics][];
    topicCumulative = new double[topics][];
    for (int k = 0; k < topics; k++) {
      topicMembers[k] = new int[memberCounts[k]];
      topicCumulative[k] = new double[memberCounts[k]];
    }
    int[] fill = new int[topics];
    topicMass = new double[topics];
    for (int j = 0; j < movies; j++) {
      add(primaryTopic[j], j, popularity[j] * (1 - secondaryWeight[j]), fill);
      add(secondaryTopic[j], j, popularity[j] * secondaryWeight[j], fill);
    }

    double[] activity = new double[shape.users()];
    SplittableRandom activityRandom = random(STREAM_ACTIVITY, 0);
    for (int u = 0; u < activity.length; u++) {
      activity[u] = Math.exp(ACTIVITY_SIGMA * activityRandom.nextGaussian());
    }
    ratingsPerUser =
        exactCounts(
            activity,
            shape.ratings(),
            SyntheticShape.MIN_RATINGS_PER_USER,
            SyntheticShape.maxRatingsPerUser(movies));

    SplittableRandom taggerRandom = random(STREAM_TAGGERS, 0);
    int[] taggers = new int[shape.users()];
    int taggerCount = 0;
    for (int userId = 1; userId <= shape.users(); userId++) {
      if (taggerRandom.nextDouble() < TAGGER_SHARE) {
        taggers[taggerCount++] = userId;
      }
    }
    if (taggerCount == 0) {
      taggers[taggerCount++] = 1;
    }
    taggerCount = (int) Math.min(taggerCount, shape.tags());
    taggerIds = Arrays.copyOf(taggers, taggerCount);
    double[] tagActivity = new double[taggerCount];
    for (int i = 0; i < taggerCount; i++) {
      tagActivity[i] = Math.exp(TAG_ACTIVITY_SIGMA * taggerRandom.nextGaussian());
    }
    tagsPerTagger =
        taggerCount == 0
            ? new int[0]
            : exactCounts(
                tagActivity,
                shape.tags(),
                1,
                (int)
                    Math.min(
                        Integer.MAX_VALUE,
                        Math.max(
                            shape.tags() / 5 + 1, (shape.tags() + taggerCount - 1) / taggerCount)));

    // the genome covers the most popular movies, as in MovieLens
    Integer[] byPopularity = new Integer[movies];
    for (int j = 0; j < movies; j++) {
      byPopularity[j] = j;
    }
    Arrays.sort(byPopularity, (a, b) -> Double.compare(popularity[b], popularity[a]));
    genomeMovieRows = new int[shape.genomeMovies()];
    for (int g = 0; g < genomeMovieRows.length; g++) {
      genomeMovieRows[g] = byPopularity[g];
    }
    Arrays.sort(genomeMovieRows);

    SplittableRandom genomeRandom = random(STREAM_GENOME, 0);
    int genomeTags = shape.genomeTags();
    tagLoadings = new float[genomeTags * topics];
    tagBias = new float[genomeTags];
    for (int t = 0; t < genomeTags; t++) {
      tagBias[t] = (float) (-2.8 + 0.8 * genomeRandom.nextGaussian());
      for (int k = 0; k < topics; k++) {
        tagLoadings[t * topics + k] = (float) (0.3 * genomeRandom.nextGaussian());
      }
      if (genomeRandom.nextDouble() < 0.85) {
        // most tags describe one topic; the rest are noise the content model must see past
        tagLoadings[t * topics + t % topics] += (float) (2.5 + 2 * genomeRandom.nextDouble());
      }
    }
  }

  private void add(int topic, int movieRow, double weight, int[] fill) {
    int i = fill[topic]++;
    topicMass[topic] += weight;
    topicMembers[topic][i] = movieRow;
    topicCumulative[topic][i] = topicMass[topic];
  }

  /** An independent random stream for one entity (a user, a movie) of one kind. */
  SplittableRandom random(long stream, long index) {
    return new SplittableRandom(
        mix(mix(seed ^ 0x5DEECE66DL) + stream * 0x9E3779B97F4A7C15L + index));
  }

  /** Stafford's variant 13 of the 64-bit finaliser: neighbouring inputs give unrelated outputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A user's taste: a point on the topic simplex, Dirichlet with the topics' mass as its mean. */
  double[] taste(SplittableRandom random) {
    double[] theta = new double[topics];
    double sum = 0;
    for (int k = 0; k < topics; k++) {
      theta[k] = gamma(random, Math.max(1e-3, TASTE_CONCENTRATION * topicMass[k]));
      sum += theta[k];
    }
    if (!(sum > 0)) {
      theta[random.nextInt(topics)] = sum = 1;
    }
    for (int k = 0; k < topics; k++) {
      theta[k] /= sum;
    }
    return theta;
  }

  /** The user's affinity with a movie, {@code theta_u . w_j}, in [0, 1]. */
  double affinity(double[] theta, int movieRow) {
    double s = secondaryWeight[movieRow];
    return theta[primaryTopic[movieRow]] * (1 - s) + theta[secondaryTopic[movieRow]] * s;
  }

  /** The index into {@code cumulative} that {@code u} (uniform in [0, 1)) falls in. */
  static int pick(double[] cumulative, double u) {
    double target = u * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > target) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with their boost for shapes below 1. */
  static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(random, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /**
   * Whole counts proportional to {@code weights} within {@code [min, max]} that add up to exactly
   * {@code total}: the largest scale whose floored counts do not exceed the total, then one more
   * for the first users below the maximum until they do.
   */
  static int[] exactCounts(double[] weights, long total, int min, int max) {
    int n = weights.length;
    if ((long) min * n > total || (long) max * n < total) {
      throw new IllegalArgumentException(
          "cannot give " + n + " users " + min + ".." + max + " each and " + total + " in all");
    }
    double low = 0;
    double high = 1;
    while (countsFor(weights, high, min, max) < total) {
      high *= 2;
    }
    for (int i = 0; i < 100; i++) {
      double mid = (low + high) / 2;
      if (countsFor(weights, mid, min, max) <= total) {
        low = mid;
      } else {
        high = mid;
      }
    }
    int[] counts = new int[n];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      counts[i] = count(weights[i], low, min, max);
      sum += counts[i];
    }
    for (int i = 0; sum < total; i = (i + 1) % n) {
      if (counts[i] < max) {
        counts[i]++;
        sum++;
      }
    }
    return counts;
  }

  private static long countsFor(double[] weights, double scale, int min, int max) {
    long sum = 0;
    for (double weight : weights) {
      sum += count(weight, scale, min, max);
    }
    return sum;
  }

  private static int count(double weight, double scale, int min, int max) {
    double extra = Math.floor(weight * scale);
    return extra >= max - min ? max : min + (int) extra;
  }
}

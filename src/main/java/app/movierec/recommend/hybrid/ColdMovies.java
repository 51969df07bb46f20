package app.movierec.recommend.hybrid;

import app.movierec.recommend.als.AlsModel;
import app.movierec.recommend.content.ContentModel;
import app.movierec.recommend.content.ContentRegression;
import java.util.Arrays;

/**
 * Gives movies that nobody rated in training ALS factors mapped from their content (a ridge
 * regression fitted on the rated movies, {@link ContentRegression}), so that a new movie with a
 * genome vector or genres and tags can be recommended, has "similar by ALS", and counts in a
 * visitor's fold-in. Movies without any content stay without ALS factors.
 */
public final class ColdMovies {

  /** Ridge penalty of the mapping, chosen with {@code evaluate --cold-movies}. */
  public static final double LAMBDA = 10;

  private ColdMovies() {}

  /** The ALS model with mapped factors for every catalogue movie it lacks that has content. */
  public static AlsModel withMappedFactors(AlsModel als, ContentModel content) {
    int[] catalogue = content.movies().ids();
    int[] cold = new int[catalogue.length];
    int count = 0;
    for (int movieId : catalogue) {
      if (!als.movies().contains(movieId) && content.hasContent(movieId)) {
        cold[count++] = movieId;
      }
    }
    if (count == 0 || als.movies().size() == 0) {
      return als;
    }
    cold = Arrays.copyOf(cold, count);
    int f = als.factors();
    ContentRegression mapping =
        ContentRegression.fit(content, als.movies().ids(), als.movieFactors(), f, LAMBDA);
    float[] factors = new float[count * f];
    for (int i = 0; i < count; i++) {
      System.arraycopy(mapping.predict(cold[i]).orElseThrow(), 0, factors, i * f, f);
    }
    return als.withColdMovies(cold, factors);
  }
}

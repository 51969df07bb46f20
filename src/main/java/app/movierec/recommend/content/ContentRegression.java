package app.movierec.recommend.content;

import app.movierec.common.Cholesky;
import app.movierec.common.IdIndex;
import java.util.Arrays;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A ridge regression from a movie's content to any vector per movie, fitted on the movies that have
 * one: {@code W = (XtX + lambda I)^-1 Xt Y}. Used to give movies nobody has rated yet ALS factors
 * from their content, so that they can be recommended (the cold-item problem; a linear map from
 * side information to latent factors, as in Gantner et al. 2010, "Learning Attribute-to- Feature
 * Mappings for Cold-Start Recommendations").
 *
 * <p>A movie's features are its genome vector (centred, normalised; zeros without one), its weights
 * on the {@link #FALLBACK_TERMS} most common genre and tag terms, and a bias. {@code XtX} and
 * {@code Xt Y} are accumulated by ND4J gemm over blocks of movies, so the feature matrix of a large
 * catalogue is never held whole; the {@code d x d} system is solved once.
 */
public final class ContentRegression {

  /** How many of the most common fallback terms (genres, tags) are features. */
  static final int FALLBACK_TERMS = 256;

  private static final int BLOCK = 4096;

  private final ContentModel content;
  private final int[] termSlot; // term -> feature column, -1 when not a feature
  private final int dimension;
  private final int outputs;
  private final float[] weights; // dimension x outputs, row-major

  private ContentRegression(
      ContentModel content, int[] termSlot, int dimension, int outputs, float[] weights) {
    this.content = content;
    this.termSlot = termSlot;
    this.dimension = dimension;
    this.outputs = outputs;
    this.weights = weights;
  }

  /**
   * Fits the map on {@code movieIds} (movies the content model does not know are skipped) and their
   * {@code targets} ({@code movieIds.length x outputs}, row-major).
   */
  public static ContentRegression fit(
      ContentModel content, int[] movieIds, float[] targets, int outputs, double lambda) {
    if (targets.length != movieIds.length * outputs) {
      throw new IllegalArgumentException("one target row per movie");
    }
    int[] termSlot = content.commonTerms(FALLBACK_TERMS);
    int dimension = content.genomeDimension() + FALLBACK_TERMS + 1;
    INDArray gram = Nd4j.zeros(DataType.FLOAT, dimension, dimension);
    INDArray cross = Nd4j.zeros(DataType.FLOAT, dimension, outputs);
    float[] block = new float[BLOCK * dimension];
    float[] blockTargets = new float[BLOCK * outputs];
    int rows = 0;
    for (int i = 0; i < movieIds.length; i++) {
      int movieRow = content.movies().rowOf(movieIds[i]);
      if (movieRow < 0) {
        continue;
      }
      content.features(movieRow, termSlot, block, rows * dimension);
      System.arraycopy(targets, i * outputs, blockTargets, rows * outputs, outputs);
      if (++rows == BLOCK) {
        accumulate(gram, cross, block, blockTargets, rows, dimension, outputs);
        rows = 0;
      }
    }
    if (rows > 0) {
      accumulate(gram, cross, block, blockTargets, rows, dimension, outputs);
    }
    double[] a = gram.dup('c').data().asDouble();
    double[] b = cross.dup('c').data().asDouble();
    gram.close();
    cross.close();
    for (int d = 0; d < dimension; d++) {
      a[d * dimension + d] += lambda;
    }
    double[] solved = Cholesky.solveInPlace(a, b, dimension, outputs);
    float[] weights = new float[solved.length];
    for (int i = 0; i < solved.length; i++) {
      weights[i] = (float) solved[i];
    }
    return new ContentRegression(content, termSlot, dimension, outputs, weights);
  }

  private static void accumulate(
      INDArray gram,
      INDArray cross,
      float[] block,
      float[] blockTargets,
      int rows,
      int dimension,
      int outputs) {
    INDArray x =
        Nd4j.create(Arrays.copyOf(block, rows * dimension), new long[] {rows, dimension}, 'c');
    INDArray y =
        Nd4j.create(Arrays.copyOf(blockTargets, rows * outputs), new long[] {rows, outputs}, 'c');
    INDArray xtx = Nd4j.gemm(x, x, true, false);
    INDArray xty = Nd4j.gemm(x, y, true, false);
    gram.addi(xtx);
    cross.addi(xty);
    for (INDArray array : new INDArray[] {x, y, xtx, xty}) {
      array.close();
    }
  }

  /** The predicted vector of a movie; empty when the content model does not know it. */
  public Optional<float[]> predict(int movieId) {
    int movieRow = content.movies().rowOf(movieId);
    if (movieRow < 0) {
      return Optional.empty();
    }
    float[] features = new float[dimension];
    content.features(movieRow, termSlot, features, 0);
    float[] result = new float[outputs];
    for (int d = 0; d < dimension; d++) {
      float x = features[d];
      if (x != 0) {
        for (int o = 0; o < outputs; o++) {
          result[o] += x * weights[d * outputs + o];
        }
      }
    }
    return Optional.of(result);
  }

  /** The movies of the content model. */
  public IdIndex movies() {
    return content.movies();
  }
}

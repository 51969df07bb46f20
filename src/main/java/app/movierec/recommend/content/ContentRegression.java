package app.movierec.recommend.content;

import app.movierec.common.Cholesky;
import app.movierec.common.IdIndex;
import java.util.Arrays;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
    int genomeColumns = content.genomeDimension();
    int dimension = genomeColumns + FALLBACK_TERMS + 1;
    int tailColumns = dimension - genomeColumns;
    INDArray gram = Nd4j.zeros(DataType.FLOAT, dimension, dimension);
    INDArray cross = Nd4j.zeros(DataType.FLOAT, dimension, outputs);
    // A movie without a genome vector has zeros in all the genome columns, so its row adds only to
    // the tag-and-bias corner of X'X and X'Y. Such rows (most of ML-25M's 62k movies) are
    // accumulated over those 257 columns alone, a fraction of the multiply-adds of full rows
    // (measured at 25M ratings: this mapping, run at every start, from 5.5-6.5 s to 4.7-5.0 s).
    Block full = new Block(dimension, outputs);
    Block tail = new Block(tailColumns, outputs);
    float[] row = new float[dimension];
    for (int i = 0; i < movieIds.length; i++) {
      int movieRow = content.movies().rowOf(movieIds[i]);
      if (movieRow < 0) {
        continue;
      }
      content.features(movieRow, termSlot, row, 0);
      Block block = content.hasGenome(movieRow) ? full : tail;
      int from = block == full ? 0 : genomeColumns;
      block.add(row, from, targets, i * outputs);
      if (block.full()) {
        block.accumulateInto(gram, cross, from);
      }
    }
    full.accumulateInto(gram, cross, 0);
    tail.accumulateInto(gram, cross, genomeColumns);
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

  /** Up to {@link #BLOCK} rows of features (from some column on) and their targets. */
  private static final class Block {
    private final int columns;
    private final int outputs;
    private final float[] features;
    private final float[] targets;
    private int rows;

    Block(int columns, int outputs) {
      this.columns = columns;
      this.outputs = outputs;
      this.features = new float[BLOCK * columns];
      this.targets = new float[BLOCK * outputs];
    }

    void add(float[] row, int from, float[] allTargets, int targetOffset) {
      System.arraycopy(row, from, features, rows * columns, columns);
      System.arraycopy(allTargets, targetOffset, targets, rows * outputs, outputs);
      rows++;
    }

    boolean full() {
      return rows == BLOCK;
    }

    /**
     * Adds X'X and X'Y of the rows to the corner of {@code gram} and {@code cross} from {@code
     * from}.
     */
    void accumulateInto(INDArray gram, INDArray cross, int from) {
      if (rows == 0) {
        return;
      }
      INDArray x =
          Nd4j.create(Arrays.copyOf(features, rows * columns), new long[] {rows, columns}, 'c');
      INDArray y =
          Nd4j.create(Arrays.copyOf(targets, rows * outputs), new long[] {rows, outputs}, 'c');
      INDArray xtx = Nd4j.gemm(x, x, true, false);
      INDArray xty = Nd4j.gemm(x, y, true, false);
      long to = from + columns;
      gram.get(NDArrayIndex.interval(from, to), NDArrayIndex.interval(from, to)).addi(xtx);
      cross.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).addi(xty);
      for (INDArray array : new INDArray[] {x, y, xtx, xty}) {
        array.close();
      }
      rows = 0;
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

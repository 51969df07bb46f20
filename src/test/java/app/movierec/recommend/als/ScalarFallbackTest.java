package app.movierec.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;

import app.movierec.common.ProgressListener;
import app.movierec.common.RowScores;
import app.movierec.recommend.EngineTestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without {@code --add-modules jdk.incubator.vector} (e.g. {@code java -jar} without the flag) the
 * trainer falls back to the plain-Java kernels. The tests themselves run with the module, so this
 * one trains in a second JVM started without it.
 */
class ScalarFallbackTest {

  private static final AlsConfig CONFIG =
      AlsConfig.defaults().withFactors(20).withIterations(4).withRegularization(1);

  @Test
  void without_the_vector_module_training_uses_the_scalar_kernels_and_gives_their_exact_factors()
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.bytedeco.javacpp.nopointergc=true",
                "-Dorg.bytedeco.openblas.nthreads=1",
                "-cp",
                System.getProperty("java.class.path"),
                Child.class.getName())
            .redirectErrorStream(false)
            .start();
    child.getOutputStream().close();
    byte[] stdout = child.getInputStream().readAllBytes();
    String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(stderr).isZero();
    // (ND4J logs to stdout too)
    List<String> lines = new String(stdout, StandardCharsets.UTF_8).lines().toList();

    assertThat(lines).contains("simd=false");
    AlsModel scalar = train(ScalarRowKernels::new);
    assertThat(lines).contains("factors=" + fingerprint(scalar));
    // serving scores every movie through the plain-Java RowScores there too, and links no SIMD
    assertThat(lines).contains("serving-simd=false");
    float[] items = scalar.itemFactorMatrix();
    int movies = items.length / CONFIG.factors();
    float[] expected = new float[movies];
    RowScores.scalar()
        .scoreRows(items, movies, CONFIG.factors(), firstUser(scalar), null, expected);
    assertThat(lines).contains("scores=" + Arrays.toString(expected));
  }

  private static float[] firstUser(AlsModel model) {
    return Arrays.copyOf(model.userFactorMatrix(), CONFIG.factors());
  }

  private static AlsModel train(java.util.function.IntFunction<RowKernels> kernels) {
    return new AlsTrainer(CONFIG, 2, kernels)
        .train(EngineTestData.randomLongTail(200, 50, 12, 0, 9), ProgressListener.NONE);
  }

  /** A SHA-256 digest of the exact bits of both factor matrices. */
  private static String fingerprint(AlsModel model) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (float[] factors : new float[][] {model.userFactorMatrix(), model.itemFactorMatrix()}) {
        for (float value : factors) {
          int bits = Float.floatToRawIntBits(value);
          digest.update(
              new byte[] {
                (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)
              });
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Run in the JVM without the module: which kernels the trainer picks, and what it trains. */
  public static final class Child {
    private Child() {}

    public static void main(String[] args) {
      System.out.println("simd=" + RowKernels.SIMD_AVAILABLE);
      AlsModel model = train(RowKernels::forFactors);
      System.out.println("factors=" + fingerprint(model));
      System.out.println("serving-simd=" + RowScores.fastest().simd());
      // the model's own scoring, through the JVM's fastest serving kernels (scalar here)
      System.out.println("scores=" + Arrays.toString(model.scores(firstUser(model))));
    }
  }
}

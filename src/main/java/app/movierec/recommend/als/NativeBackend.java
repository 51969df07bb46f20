package app.movierec.recommend.als;

import java.util.concurrent.atomic.AtomicBoolean;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads ND4J's native backend (OpenBLAS, the CPU op executioner) on a thread of its own. Loading it
 * takes about 5 s on a 2-core machine and used to happen on the model's critical path, when the
 * first fit or the first saved model needed it: a second start at 25M ratings spent 5 of its 30 s
 * there. Started while Spring is still starting, it overlaps with that instead. Whoever uses ND4J
 * first meanwhile simply waits for the class initialisation the warm-up started.
 */
public final class NativeBackend {

  private static final Logger log = LoggerFactory.getLogger(NativeBackend.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private NativeBackend() {}

  /** Starts loading the backend in the background, once per JVM; returns at once. */
  public static void startLoading() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread.ofPlatform()
        .daemon()
        .name("nd4j-backend")
        .start(
            () -> {
              try {
                Nd4j.zeros(DataType.FLOAT, 1).close();
              } catch (RuntimeException | LinkageError e) {
                // the first real use reports it with its context
                log.debug("Loading ND4J's backend ahead failed: {}", e.toString());
              }
            });
  }
}

package app.movierec.cli;

/** Batch commands run from {@code java -jar movie-recommender.jar <command> ...} without a web server. */
public final class Commands {

  private Commands() {}

  /** Whether {@code name} is a batch command rather than an application option. */
  public static boolean isCommand(String name) {
    return false;
  }

  /** Runs the command named by {@code args[0]} and returns the process exit code. */
  public static int run(String[] args) {
    throw new UnsupportedOperationException("no batch commands yet");
  }
}

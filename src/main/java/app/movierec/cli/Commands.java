package app.movierec.cli;

import app.movierec.recommend.als.AlsConfig;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch commands run from {@code java -jar movie-recommender.jar <command> ...} without a web
 * server.
 */
public final class Commands {

  static final int EXIT_OK = 0;
  static final int EXIT_DATA = 1;
  static final int EXIT_USAGE = 2;

  static final Set<String> ALS_OPTIONS =
      Set.of(
          "factors",
          "iterations",
          "regularization",
          "scale-regularization",
          "alpha",
          "confidence",
          "cg-steps",
          "seed");

  private static final Map<String, String> USAGE =
      Map.of(
          "recommend",
          "usage: recommend --data DIR [--genome DIR] --mode als|content|hybrid [--als-weight W] --n N --out FILE"
              + " [--factors F] [--iterations I] [--regularization R] [--alpha A] [--confidence linear|log]",
          "evaluate",
          "usage: evaluate --data DIR [--genome DIR] [--k 10] [--test-fraction 0.25] [--seed 42] [--out FILE]"
              + " [--given 5 [--cold-users 0.2]] [--write-train FILE] [--als-model DIR]"
              + " [--factors F] [--iterations I] [--regularization R] [--scale-regularization true|false] [--alpha A]"
              + " [--confidence linear|log] [--cg-steps S] [--als-seed S]",
          "loadtest",
          "usage: loadtest [--url http://localhost:8080] [--clients 32] [--requests 20000] [--users 1-610]"
              + " [--warmup 2000] [--mode hybrid] [--als-weight 0.8] [--n 20]",
          "benchmark",
          "usage: benchmark [--data DIR] [--genome DIR] [--factors 64] [--iterations 15] [--fits 3] [--users 2000]"
              + " [--synthetic-ratings 20000000 (0 = skip)] [--synthetic-iterations 3]");

  private Commands() {}

  /** Whether {@code name} is a batch command rather than an application option. */
  public static boolean isCommand(String name) {
    return USAGE.containsKey(name);
  }

  /** Runs the command named by {@code args[0]} and returns the process exit code. */
  public static int run(String[] args) {
    quietLibraryLogging();
    return run(args, System.out, System.err);
  }

  /** ND4J logs its backend details at INFO; a batch command's output should be its own figures. */
  private static void quietLibraryLogging() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  /** As {@link #run(String[])} with the given output streams. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !isCommand(args[0])) {
      err.println("unknown command; usage: recommend|evaluate|benchmark|loadtest ...");
      return EXIT_USAGE;
    }
    String command = args[0];
    try {
      switch (command) {
        case "recommend" -> RecommendCommand.run(args, out);
        case "evaluate" -> EvaluateCommand.run(args, out);
        case "benchmark" -> BenchmarkCommand.run(args, out);
        case "loadtest" -> LoadTestCommand.run(args, out);
        default -> throw new IllegalStateException(command);
      }
      return EXIT_OK;
    } catch (UserInputException e) {
      err.println(
          command
              + ": "
              + e.getMessage()
              + (e.exitCode() == EXIT_USAGE ? "; " + USAGE.get(command) : ""));
      return e.exitCode();
    } catch (IllegalArgumentException e) {
      // invalid hyperparameters (AlsConfig validation) are user input too
      err.println(command + ": " + e.getMessage() + "; " + USAGE.get(command));
      return EXIT_USAGE;
    }
  }

  /** The ALS configuration: the defaults with any of the command's ALS options applied. */
  static AlsConfig alsConfig(Options options, AlsConfig base) {
    AlsConfig config = base;
    config = config.withFactors(options.integer("factors", config.factors(), 1, 1024));
    config = config.withIterations(options.integer("iterations", config.iterations(), 1, 1000));
    config =
        config.withRegularization(
            options.number("regularization", config.regularization(), 0, 1e6));
    config = config.withAlpha(options.number("alpha", config.alpha(), 1e-9, 1e9));
    config = config.withCgSteps(options.integer("cg-steps", config.cgSteps(), 0, 100));
    config = config.withSeed(options.longValue("seed", config.seed()));
    if (options.has("scale-regularization")) {
      String value = options.string("scale-regularization", "");
      if (!value.equals("true") && !value.equals("false")) {
        throw UserInputException.usage(
            "--scale-regularization must be true or false, got '" + value + "'");
      }
      config = config.withScaleRegularization(Boolean.parseBoolean(value));
    }
    if (options.has("confidence")) {
      String name = options.string("confidence", "");
      try {
        config =
            config.withConfidence(
                AlsConfig.Confidence.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw UserInputException.usage("--confidence must be linear or log, got '" + name + "'");
      }
    }
    return config;
  }
}

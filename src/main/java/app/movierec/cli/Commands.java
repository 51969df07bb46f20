package app.movierec.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The batch commands, run as {@code java -jar movie-recommender.jar <command> [options]} without a
 * web server. Options, usage and {@code --help} come from the picocli annotations of each command,
 * so the usage text cannot drift from what a command accepts.
 *
 * <p>Exit codes: 0 done, 1 a data problem (missing folder or file, a malformed row: one line naming
 * file and line), 2 a usage problem (one line and the command's usage).
 */
@Command(
    name = "java -jar movie-recommender.jar",
    mixinStandardHelpOptions = true,
    versionProvider = Commands.Version.class,
    description = "Batch commands of the hybrid movie recommender (no web server).",
    footer =
        "Without a command (only --options, such as --movierec.data-dir=DIR --server.port=8080)"
            + " the web app starts.",
    subcommands = {
      RecommendCommand.class,
      EvaluateCommand.class,
      BenchmarkCommand.class,
      LoadTestCommand.class,
      SynthesizeCommand.class
    })
public final class Commands {

  static final int EXIT_OK = 0;
  static final int EXIT_DATA = 1;
  static final int EXIT_USAGE = 2;

  private Commands() {}

  /**
   * Whether these arguments are for a batch command rather than the web app: the web app takes only
   * options ({@code --name=value}), so a first argument that is not one names a command, and a
   * misspelt command gets a usage error instead of starting the web app on the default data. {@code
   * --help} and {@code --version} (and {@code -h}, {@code -V}) alone are this usage's own.
   */
  public static boolean isBatch(String[] args) {
    return args.length > 0 && (!args[0].startsWith("-") || OWN_OPTIONS.contains(args[0]));
  }

  private static final Set<String> OWN_OPTIONS = Set.of("--help", "-h", "--version", "-V");

  /** Runs the command named by {@code args[0]} and returns the process exit code. */
  public static int run(String[] args) {
    quietLibraryLogging();
    return run(args, System.out, System.err);
  }

  /** As {@link #run(String[])} with the given output streams. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine commandLine = commandLine(out, err);
    int code = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    return code;
  }

  private static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine commandLine = new CommandLine(Commands.class);
    commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setUnmatchedOptionsArePositionalParams(false);
    commandLine.setParameterExceptionHandler(
        (e, args) -> usageError(e.getCommandLine(), unknownCommandOr(e)));
    commandLine.setExecutionExceptionHandler(
        (e, failed, parseResult) -> {
          if (e instanceof UserInputException input) {
            if (input.exitCode() == EXIT_USAGE) {
              return usageError(failed, input.getMessage());
            }
            failed.getErr().println(failed.getCommandName() + ": " + input.getMessage());
            return input.exitCode();
          }
          if (e instanceof IllegalArgumentException) {
            // bad values (and AlsConfig's validation of hyperparameters) are user input too
            return usageError(failed, e.getMessage());
          }
          throw e;
        });
    return commandLine;
  }

  /**
   * For a first argument that is no command: which commands there are, and the nearest to what was
   * typed; otherwise picocli's own message.
   */
  private static String unknownCommandOr(CommandLine.ParameterException e) {
    CommandLine top = e.getCommandLine();
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
        || top.getParent() != null
        || unmatched.getUnmatched().isEmpty()) {
      return e.getMessage();
    }
    String typed = unmatched.getUnmatched().getFirst();
    // picocli orders its suggestions by likeness but always has one; name it only when it starts
    // like what was typed ("load-test", "recomend", "bench")
    String bare = typed.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    List<String> nearest =
        unmatched.getSuggestions().stream()
            .filter(name -> bare.startsWith(name.substring(0, Math.min(4, name.length()))))
            .toList();
    return "unknown command '"
        + typed
        + "'"
        + (nearest.isEmpty() ? "" : " (did you mean " + nearest.getFirst() + "?)") // the closest
        + "; the commands are "
        + String.join(", ", top.getSubcommands().keySet())
        + ", and without one (only --options) the web app starts";
  }

  /** One line: what is wrong, then the command's synopsis; exit code 2. */
  private static int usageError(CommandLine command, String message) {
    String synopsis =
        command
            .getHelp()
            .fullSynopsis()
            .strip()
            .replaceAll("\\s+", " ")
            .replaceFirst("^Usage:", "usage:");
    command
        .getErr()
        .println(
            command.getCommandName() + ": " + message + "; " + synopsis + " (--help for more)");
    return EXIT_USAGE;
  }

  /** ND4J logs its backend details at INFO; a batch command's output should be its own figures. */
  private static void quietLibraryLogging() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  /** {@code --version}: the project's version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Commands.class.getPackage().getImplementationVersion();
      return new String[] {"movie-recommender " + (version == null ? "(development)" : version)};
    }
  }
}

package app.movierec.cli;

/**
 * A problem the user can fix (bad option, missing file); printed as one line, never as a stack
 * trace.
 */
final class UserInputException extends RuntimeException {

  private final int exitCode;

  UserInputException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  static UserInputException usage(String message) {
    return new UserInputException(Commands.EXIT_USAGE, message);
  }

  static UserInputException data(String message) {
    return new UserInputException(Commands.EXIT_DATA, message);
  }

  int exitCode() {
    return exitCode;
  }
}

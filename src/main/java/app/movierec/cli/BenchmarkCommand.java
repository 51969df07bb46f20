package app.movierec.cli;

import java.io.PrintStream;

final class BenchmarkCommand {
  private BenchmarkCommand() {}

  static void run(String[] args, PrintStream out) {}
}

package app.movierec.cli;

import java.io.PrintStream;

final class RecommendCommand {
  private RecommendCommand() {}

  static void run(String[] args, PrintStream out) {}
}

package app.movierec.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one command, checked against the names the command knows. */
final class Options {

  private final String command;
  private final Map<String, String> values;

  private Options(String command, Map<String, String> values) {
    this.command = command;
    this.values = values;
  }

  static Options parse(String[] args, Set<String> known) {
    String command = args[0];
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw UserInputException.usage("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String value = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (!known.contains(name)) {
        throw UserInputException.usage("unknown option --" + name + " for " + command);
      }
      if (value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw UserInputException.usage("option --" + name + " needs a value");
        }
        value = args[++i];
      }
      if (values.put(name, value) != null) {
        throw UserInputException.usage("option --" + name + " given twice");
      }
    }
    return new Options(command, values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw UserInputException.usage("missing --" + name);
    }
    return value;
  }

  Path path(String name) {
    String value = values.get(name);
    return value == null ? null : Path.of(value);
  }

  int integer(String name, int fallback, int min, int max) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.replace("_", ""));
      if (parsed < min || parsed > max) {
        throw UserInputException.usage(
            "--" + name + " must be between " + min + " and " + max + ", got " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw UserInputException.usage("--" + name + " must be an integer, got '" + value + "'");
    }
  }

  long longValue(String name, long fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw UserInputException.usage("--" + name + " must be an integer, got '" + value + "'");
    }
  }

  double number(String name, double fallback, double min, double max) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (!(parsed >= min && parsed <= max)) {
        throw UserInputException.usage(
            "--" + name + " must be between " + min + " and " + max + ", got " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw UserInputException.usage("--" + name + " must be a number, got '" + value + "'");
    }
  }
}

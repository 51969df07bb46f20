package app.movierec.cli;

import app.movierec.recommend.Mode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --mode als|content|hybrid} (any case). */
final class ModeOption implements ITypeConverter<Mode> {

  @Override
  public Mode convert(String value) {
    try {
      return Mode.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}

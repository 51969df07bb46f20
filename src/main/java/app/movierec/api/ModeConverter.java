package app.movierec.api;

import app.movierec.recommend.Mode;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads {@code mode=hybrid|als|content} (any case) into a {@link Mode}; anything else is a 400
 * problem naming the accepted values.
 */
@Component
class ModeConverter implements Converter<String, Mode> {

  @Override
  public Mode convert(String text) {
    return Mode.parse(text);
  }
}

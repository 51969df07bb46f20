package app.movierec.catalog.imports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits MovieLens titles such as "American President, The (1995)" into the title and the year. */
final class MovieTitles {

  /** A trailing "(1995)", or a series' "(2006-2007)" / "(2007-)", possibly followed by spaces. */
  private static final Pattern YEAR =
      Pattern.compile("^(.*?)\\s*\\((\\d{4})(?:[-\u2013]\\d{0,4})?\\)\\s*$");

  private MovieTitles() {}

  record TitleAndYear(String title, Integer year) {}

  static TitleAndYear split(String raw) {
    String trimmed = raw.strip();
    Matcher matcher = YEAR.matcher(trimmed);
    if (matcher.matches() && !matcher.group(1).isBlank()) {
      return new TitleAndYear(matcher.group(1), Integer.valueOf(matcher.group(2)));
    }
    return new TitleAndYear(trimmed, null);
  }
}

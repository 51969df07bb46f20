package app.movierec.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A MovieLens title as people write it: MovieLens files a title under its noun ("Matrix, The",
 * "Godfather: Part II, The") and appends other titles in brackets ("Seven (a.k.a. Se7en)", "City of
 * Lost Children, The (Cité des enfants perdus, La)"). This puts the article back in front ("The
 * Matrix", "The Godfather: Part II") and keeps the bracketed titles apart, as a subtitle. A pure
 * function of the stored title (without its year), so the web pages and the API agree and nothing
 * new is stored.
 *
 * @param title the main title with its article in front
 * @param alsoKnownAs the other titles, in their order: "a.k.a." titles without that prefix, and
 *     original-language titles (with their article in front as well)
 */
public record MovieTitle(String title, List<String> alsoKnownAs) {

  /**
   * Articles MovieLens moves behind the title. Only unambiguous ones: a trailing ", I" or ", O" is
   * as likely a name or a numeral as an article.
   */
  private static final Set<String> ARTICLES =
      Set.of(
          "the", "a", "an", "les", "la", "le", "l'", "il", "lo", "gli", "el", "los", "las", "das",
          "der", "die", "un", "une", "una", "uno");

  private static final String AKA = "a.k.a.";

  public MovieTitle {
    alsoKnownAs = List.copyOf(alsoKnownAs);
  }

  /** The natural form of a stored MovieLens title (the year already split off); never throws. */
  public static MovieTitle of(String movieLensTitle) {
    String rest = movieLensTitle == null ? "" : movieLensTitle.strip();
    List<String> bracketed = new ArrayList<>();
    int open;
    while (rest.endsWith(")") && (open = matchingOpen(rest)) > 0) {
      String inside = rest.substring(open + 1, rest.length() - 1).strip();
      String before = rest.substring(0, open).strip();
      if (before.isEmpty()) {
        break; // the whole title is in brackets: keep it
      }
      bracketed.addFirst(inside);
      rest = before;
    }
    List<String> others = new ArrayList<>();
    for (String other : bracketed) {
      String name =
          other.toLowerCase(Locale.ROOT).startsWith(AKA)
              ? other.substring(AKA.length()).strip()
              : other;
      if (!name.isEmpty()) {
        others.add(articleInFront(name));
      }
    }
    return new MovieTitle(articleInFront(rest), others);
  }

  /** "a.k.a. Se7en", "La Cité des enfants perdus", or "" without other titles. */
  public String subtitle() {
    if (alsoKnownAs.isEmpty()) {
      return "";
    }
    return "a.k.a. " + String.join(" · ", alsoKnownAs);
  }

  /** "The Matrix (1999)", or just the title without a year. */
  public String withYear(Integer year) {
    return year == null ? title : title + " (" + year + ")";
  }

  /** "Matrix, The" -> "The Matrix"; "Atalante, L'" -> "L'Atalante"; other titles as they are. */
  static String articleInFront(String title) {
    int comma = title.lastIndexOf(", ");
    if (comma <= 0) {
      return title;
    }
    String article = title.substring(comma + 2);
    if (!ARTICLES.contains(article.toLowerCase(Locale.ROOT))) {
      return title;
    }
    String noun = title.substring(0, comma);
    return article.endsWith("'") ? article + noun : article + " " + noun;
  }

  /** The index of the '(' that the final ')' closes, or -1 when the brackets do not balance. */
  private static int matchingOpen(String text) {
    int depth = 0;
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == ')') {
        depth++;
      } else if (c == '(' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}

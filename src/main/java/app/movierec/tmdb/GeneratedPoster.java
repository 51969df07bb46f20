package app.movierec.tmdb;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A poster drawn on the server for movies without a TMDB poster: the title (wrapped, with an
 * ellipsis when too long) and the year on a gradient whose colour comes from the first genre. A
 * variant without the title ({@link #svgWithoutTitle}) is for cards that print the title under the
 * poster anyway. Deterministic, so the same movie always looks the same; 2:3 like TMDB's posters,
 * so the grid does not jump when a real poster replaces it.
 */
public final class GeneratedPoster {

  static final int WIDTH = 342;
  static final int HEIGHT = 513;
  static final int MAX_LINE_LENGTH = 14;
  static final int MAX_LINES = 6;

  /** One colour per MovieLens genre, picked to stay readable under white text. */
  private static final Map<String, String> GENRE_COLOURS =
      Map.ofEntries(
          Map.entry("action", "#b3261e"),
          Map.entry("adventure", "#c4621a"),
          Map.entry("animation", "#1f7a8c"),
          Map.entry("children", "#2e8b57"),
          Map.entry("comedy", "#b08900"),
          Map.entry("crime", "#4a4e69"),
          Map.entry("documentary", "#5b6b3a"),
          Map.entry("drama", "#6a1b4d"),
          Map.entry("fantasy", "#6d3fb5"),
          Map.entry("film-noir", "#33363b"),
          Map.entry("horror", "#7a1010"),
          Map.entry("imax", "#0b5394"),
          Map.entry("musical", "#a0307a"),
          Map.entry("mystery", "#283c63"),
          Map.entry("romance", "#b0395e"),
          Map.entry("sci-fi", "#13688f"),
          Map.entry("thriller", "#3d3d6b"),
          Map.entry("war", "#5a5530"),
          Map.entry("western", "#8a5a2b"));

  /** For genres outside MovieLens's list: picked by a stable hash of the name. */
  private static final String[] OTHER_COLOURS = {
    "#3b5b92", "#7b4b94", "#2f7d6d", "#94603b", "#5d6d7e", "#8e3b46", "#46705b", "#6b5b95"
  };

  private static final String NO_GENRE_COLOUR = "#3a3f4b";

  private GeneratedPoster() {}

  /** The poster as a {@code data:} URI, usable directly as an image source; no request, no key. */
  public static String dataUri(MovieRef movie) {
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg(movie).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The poster without its title, for pages that print the title beside it anyway: the genre, the
   * title's first letter as a large initial, and the year.
   */
  public static String dataUriWithoutTitle(MovieRef movie) {
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder()
            .encodeToString(svgWithoutTitle(movie).getBytes(StandardCharsets.UTF_8));
  }

  /** The SVG document of {@link #dataUriWithoutTitle}. */
  public static String svgWithoutTitle(MovieRef movie) {
    var svg = new StringBuilder(1024);
    frame(svg, movie);
    String initial = initialOf(movie.title());
    if (!initial.isEmpty()) {
      svg.append("<text x=\"")
          .append(WIDTH / 2)
          .append("\" y=\"")
          .append(HEIGHT / 2 + 70)
          .append("\" font-size=\"220\" font-weight=\"800\" fill-opacity=\"0.28\">")
          .append(escapeXml(initial))
          .append("</text>");
    }
    if (movie.year() != null) {
      svg.append("<text x=\"")
          .append(WIDTH / 2)
          .append("\" y=\"")
          .append(HEIGHT - 44)
          .append("\" font-size=\"24\" fill-opacity=\"0.85\">")
          .append(movie.year())
          .append("</text>");
    }
    svg.append("</g></svg>");
    return svg.toString();
  }

  /** The first letter or digit of a title ("Matrix, The" -> "M"), or "" when it has none. */
  static String initialOf(String title) {
    return title.codePoints().filter(Character::isLetterOrDigit).findFirst().stream()
        .mapToObj(cp -> new String(Character.toChars(Character.toUpperCase(cp))))
        .findFirst()
        .orElse("");
  }

  /** The poster's SVG document (UTF-8 text, every title character escaped for XML). */
  public static String svg(MovieRef movie) {
    List<String> lines = wrap(movie.title(), MAX_LINE_LENGTH, MAX_LINES);
    int fontSize = lines.size() <= 2 && longest(lines) <= 10 ? 40 : 30;
    int lineHeight = Math.round(fontSize * 1.2f);
    int blockHeight = lineHeight * lines.size();
    int firstBaseline = (HEIGHT - blockHeight) / 2 + fontSize - 20;

    var svg = new StringBuilder(1024);
    frame(svg, movie);
    svg.append("<text font-size=\"").append(fontSize).append("\" font-weight=\"700\">");
    for (int i = 0; i < lines.size(); i++) {
      svg.append("<tspan x=\"")
          .append(WIDTH / 2)
          .append("\" y=\"")
          .append(firstBaseline + i * lineHeight)
          .append("\">")
          .append(escapeXml(lines.get(i)))
          .append("</tspan>");
    }
    svg.append("</text>");
    if (movie.year() != null) {
      svg.append("<text x=\"")
          .append(WIDTH / 2)
          .append("\" y=\"")
          .append(firstBaseline + blockHeight + 24)
          .append("\" font-size=\"24\" fill-opacity=\"0.85\">")
          .append(movie.year())
          .append("</text>");
    }
    svg.append("</g></svg>");
    return svg.toString();
  }

  /** The gradient, the inner border and the genre line; leaves the text group open. */
  private static void frame(StringBuilder svg, MovieRef movie) {
    String base = colourFor(movie.genres());
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\">");
    svg.append("<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"0.4\" y2=\"1\">")
        .append("<stop offset=\"0\" stop-color=\"")
        .append(base)
        .append("\"/>")
        .append("<stop offset=\"1\" stop-color=\"")
        .append(darker(base))
        .append("\"/>")
        .append("</linearGradient></defs>");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"url(#g)\"/>");
    svg.append("<rect x=\"14\" y=\"14\" width=\"")
        .append(WIDTH - 28)
        .append("\" height=\"")
        .append(HEIGHT - 28)
        .append(
            "\" fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.25\" stroke-width=\"2\" rx=\"6\"/>");
    svg.append(
            "<g font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif\" ")
        .append("fill=\"#ffffff\" text-anchor=\"middle\">");
    if (!movie.genres().isEmpty()) {
      svg.append("<text x=\"")
          .append(WIDTH / 2)
          .append("\" y=\"52\" font-size=\"16\" letter-spacing=\"2\" ")
          .append("fill-opacity=\"0.8\">")
          .append(escapeXml(movie.genres().getFirst().toUpperCase(Locale.ROOT)))
          .append("</text>");
    }
  }

  /**
   * The base colour for a movie whose first genre is {@code genres.get(0)}; grey without genres.
   */
  public static String colourFor(List<String> genres) {
    if (genres == null
        || genres.isEmpty()
        || genres.getFirst() == null
        || genres.getFirst().isBlank()) {
      return NO_GENRE_COLOUR;
    }
    String genre = genres.getFirst().strip().toLowerCase(Locale.ROOT);
    String known = GENRE_COLOURS.get(genre);
    return known != null
        ? known
        : OTHER_COLOURS[Math.floorMod(genre.hashCode(), OTHER_COLOURS.length)];
  }

  /**
   * Escapes text for XML content or attributes, and drops what XML 1.0 cannot carry at all (control
   * characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF).
   */
  static String escapeXml(String text) {
    var out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t', '\n', '\r' -> out.append(' ');
                default -> {
                  boolean allowed =
                      (cp >= 0x20 && cp <= 0xD7FF)
                          || (cp >= 0xE000 && cp <= 0xFFFD)
                          || cp >= 0x10000;
                  if (allowed) {
                    out.appendCodePoint(cp);
                  }
                }
              }
            });
    return out.toString();
  }

  /**
   * Greedy word wrap counted in user-perceived characters (so accents and emoji are never split);
   * words longer than a line are broken, and text beyond {@code maxLines} is cut with an ellipsis.
   */
  static List<String> wrap(String text, int maxLineLength, int maxLines) {
    List<String> lines = new ArrayList<>();
    var line = new StringBuilder();
    int lineLength = 0;
    boolean truncated = false;
    outer:
    for (String word : text.strip().split("\\s+")) {
      List<String> chars = graphemes(word);
      if (lineLength > 0 && lineLength + 1 + chars.size() <= maxLineLength) {
        line.append(' ');
        lineLength++;
      } else if (lineLength > 0) {
        lines.add(line.toString());
        line.setLength(0);
        lineLength = 0;
        if (lines.size() == maxLines) {
          truncated = true;
          break;
        }
      }
      for (String ch : chars) {
        if (lineLength == maxLineLength) {
          lines.add(line.toString());
          line.setLength(0);
          lineLength = 0;
          if (lines.size() == maxLines) {
            truncated = true;
            break outer;
          }
        }
        line.append(ch);
        lineLength++;
      }
    }
    if (!truncated && lineLength > 0) {
      lines.add(line.toString());
    }
    if (truncated) {
      String last = lines.removeLast();
      List<String> chars = graphemes(last);
      int keep = Math.min(chars.size(), maxLineLength - 1);
      lines.add(String.join("", chars.subList(0, keep)).stripTrailing() + "…");
    }
    return lines.isEmpty() ? List.of("") : lines;
  }

  private static List<String> graphemes(String text) {
    List<String> result = new ArrayList<>();
    BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(text);
    for (int start = it.first(), end = it.next();
        end != BreakIterator.DONE;
        start = end, end = it.next()) {
      result.add(text.substring(start, end));
    }
    return result;
  }

  private static int longest(List<String> lines) {
    return lines.stream().mapToInt(l -> l.codePointCount(0, l.length())).max().orElse(0);
  }

  private static String darker(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    int r = (rgb >> 16 & 0xff) * 35 / 100;
    int g = (rgb >> 8 & 0xff) * 35 / 100;
    int b = (rgb & 0xff) * 35 / 100;
    return "#%02x%02x%02x".formatted(r, g, b);
  }
}

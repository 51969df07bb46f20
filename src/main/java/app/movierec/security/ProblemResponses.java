package app.movierec.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Problem JSON (RFC 7807) written by the filters that answer before Spring MVC does (rate and
 * request limits, the API's 401 and 403), in the shape of {@code app.movierec.api.ApiErrors}: type,
 * title, status, detail, instance and, where one input is at fault, field. Pages outside {@code
 * /api} get the same words as plain text. Both carry the strict security headers, since the filters
 * answer before Spring Security would add them.
 */
public final class ProblemResponses {

  private ProblemResponses() {}

  /** Whether the request is for the JSON API (answered with problem JSON). */
  public static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  /** Writes a problem (JSON for the API, plain text for pages) and commits the response. */
  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String detail,
      String field)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    // these answers leave before Spring Security's header writers run: the same headers here
    SecurityHeaders.strict(response);
    if (isApi(request)) {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      StringBuilder json = new StringBuilder(256);
      json.append("{\"type\":\"about:blank\",\"title\":")
          .append(quote(title))
          .append(",\"status\":")
          .append(status)
          .append(",\"detail\":")
          .append(quote(detail))
          .append(",\"instance\":")
          .append(quote(request.getRequestURI()));
      if (field != null) {
        json.append(",\"field\":").append(quote(field));
      }
      response.getWriter().write(json.append('}').toString());
    } else {
      response.setContentType("text/plain");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(title + ": " + detail + "\n");
    }
    response.flushBuffer();
  }

  /** A JSON string literal (the few characters JSON requires escaped, and control characters). */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

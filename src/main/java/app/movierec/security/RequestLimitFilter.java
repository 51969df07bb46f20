package app.movierec.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request: refuses a body longer than its limit from the {@code
 * Content-Length} alone (413, nothing read), bounds the bodies sent without one while they are
 * read, and answers a query string Tomcat cannot parse (a malformed {@code %} escape, too many
 * parameters) with a 400 problem here, before anything else asks for a parameter and turns Tomcat's
 * exception into a 500 with a stack trace.
 */
public class RequestLimitFilter extends OncePerRequestFilter {

  private static final Pattern RATING_PATHS = Pattern.compile("/api/users/[^/]+/ratings(/.*)?");

  private final RequestLimitProperties limits;

  public RequestLimitFilter(RequestLimitProperties limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = bodyLimit(request);
    long length = request.getContentLengthLong();
    if (length > limit) {
      // Tomcat swallows at most server.tomcat.max-swallow-size of the rest, then drops the
      // connection
      ProblemResponses.write(
          request,
          response,
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "Request too large",
          "the request body has " + length + " bytes; at most " + limit + " are accepted here",
          "body");
      return;
    }
    try {
      request.getParameterMap();
    } catch (IllegalStateException e) {
      // Tomcat's InvalidParameterException: a malformed query string or form body
      ProblemResponses.write(
          request,
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "Invalid request",
          "the query string or form body cannot be decoded (a malformed %-escape or too many"
              + " parameters)",
          "query");
      return;
    }
    chain.doFilter(length < 0 ? new BoundedRequest(request, limit) : request, response);
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return true;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return true;
  }

  private long bodyLimit(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (RATING_PATHS.matcher(path).matches()) {
      return limits.ratingBody().toBytes();
    }
    return ProblemResponses.isApi(request)
        ? limits.apiBody().toBytes()
        : limits.pageBody().toBytes();
  }

  /** A request whose body (sent without a length) may not grow past {@code limit} bytes. */
  private static final class BoundedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;
    private BufferedReader reader;

    BoundedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new BoundedStream(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
      }
      return reader;
    }
  }

  private static final class BoundedStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    BoundedStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws PayloadTooLargeException {
      read += n;
      if (read > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}

package app.movierec.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One blocking, keep-alive HTTP/1.1 connection, for one load-test client thread: it writes a
 * request, reads the status line, the headers and the body (fixed length, chunked, or up to the end
 * of the connection), and opens a new connection when the server closed the old one.
 *
 * <p>Why not the JDK's {@code HttpClient} (or Spring's {@code RestClient} on it): the load runs on
 * the same 2 cores as the app it measures, so whatever the client spends is taken from the app.
 * Against the app's title search at 32 clients the JDK's client cost 0.7-1.25 ms of CPU per request
 * (its selector thread hands every exchange to a pool and back), {@code HttpURLConnection}
 * 0.42-0.50 ms, and this 0.13-0.18 ms, which let the app answer 2.3 times as many requests a
 * second. It speaks only what the load needs: GET and POST of a small body, no redirects, no TLS,
 * no proxies.
 */
final class PlainHttp implements Closeable {

  /** The longest status or header line accepted; anything longer is not a server we talk to. */
  private static final int MAX_LINE = 16 * 1024;

  /** Status and body of one answer. */
  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final String host;
  private final int port;
  private final String hostHeader;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private int exchangesOnConnection;

  PlainHttp(URI base, Duration connectTimeout, Duration readTimeout) {
    requirePlainHttp(base);
    this.host = base.getHost();
    this.port = base.getPort() < 0 ? 80 : base.getPort();
    this.hostHeader = base.getPort() < 0 ? host : host + ":" + port;
    this.connectTimeoutMillis = (int) connectTimeout.toMillis();
    this.readTimeoutMillis = (int) readTimeout.toMillis();
  }

  /** Refuses an address this client cannot speak to (HTTPS, no host), as a usage error. */
  static void requirePlainHttp(URI base) {
    if (!"http".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
      throw UserInputException.usage("--url must be http://HOST[:PORT], got '" + base + "'");
    }
  }

  /** {@code GET pathAndQuery}. */
  Response get(String pathAndQuery) throws IOException {
    return exchange("GET", pathAndQuery, null, null);
  }

  /** {@code POST pathAndQuery} with a body of the given content type. */
  Response post(String pathAndQuery, String contentType, byte[] body) throws IOException {
    return exchange("POST", pathAndQuery, contentType, body);
  }

  private Response exchange(String method, String pathAndQuery, String contentType, byte[] body)
      throws IOException {
    byte[] request = request(method, pathAndQuery, contentType, body);
    boolean reused = socket != null && exchangesOnConnection > 0;
    try {
      return send(request);
    } catch (StaleConnectionException e) {
      // A kept-alive connection the server closed while idle: nothing of this request was read,
      // so it is sent again once on a new connection, as browsers do.
      close();
      if (!reused) {
        throw new EOFException("the server closed the connection without answering");
      }
      return send(request);
    }
  }

  private Response send(byte[] request) throws IOException {
    if (socket == null) {
      connect();
    }
    try {
      try {
        out.write(request);
        out.flush();
      } catch (SocketException e) {
        throw new StaleConnectionException(e);
      }
      Response response = readResponse();
      exchangesOnConnection++;
      return response;
    } catch (StaleConnectionException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
      s.setSoTimeout(readTimeoutMillis);
      in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
      out = s.getOutputStream();
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
    exchangesOnConnection = 0;
  }

  private byte[] request(String method, String pathAndQuery, String contentType, byte[] body) {
    StringBuilder head = new StringBuilder(160);
    head.append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(hostHeader).append("\r\n");
    head.append("Accept: application/json\r\n");
    if (body != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (body == null) {
      return headBytes;
    }
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  private Response readResponse() throws IOException {
    int first;
    try {
      first = in.read();
    } catch (SocketException e) {
      // reset before the first byte: the server had dropped the connection (not a read timeout)
      throw new StaleConnectionException(e);
    }
    if (first < 0) {
      throw new StaleConnectionException(null);
    }
    String statusLine = (char) first + line();
    // "HTTP/1.1 200 OK"
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x answer: '" + statusLine + "'");
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("no status code in '" + statusLine + "'", e);
    }
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = parts[0].equals("HTTP/1.0");
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = parseLength(value);
        case "transfer-encoding" -> chunked = value.endsWith("chunked");
        case "connection" -> closeAfter = value.contains("close") || closeAfter;
        default -> {
          // other headers do not change how the body is read
        }
      }
    }
    byte[] body;
    if (status / 100 == 1 || status == 204 || status == 304) {
      body = new byte[0];
    } else if (chunked) {
      body = chunkedBody();
    } else if (length >= 0) {
      body = in.readNBytes((int) length);
      if (body.length < length) {
        throw new EOFException("the answer ended " + (length - body.length) + " bytes early");
      }
    } else {
      body = in.readAllBytes();
      closeAfter = true;
    }
    if (closeAfter) {
      close();
    }
    return new Response(status, body);
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line();
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size '" + sizeLine + "'", e);
      }
      if (size < 0) {
        throw new IOException("bad chunk size '" + sizeLine + "'");
      }
      if (size == 0) {
        // trailers, up to the empty line
        while (!line().isEmpty()) {
          // ignored
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(size);
      if (chunk.length < size) {
        throw new EOFException("a chunk ended " + (size - chunk.length) + " bytes early");
      }
      body.write(chunk);
      if (!line().isEmpty()) {
        throw new IOException("no line end after a chunk");
      }
    }
  }

  private static long parseLength(String value) throws IOException {
    try {
      long length = Long.parseLong(value);
      if (length < 0 || length > Integer.MAX_VALUE) {
        throw new NumberFormatException();
      }
      return length;
    } catch (NumberFormatException e) {
      throw new IOException("bad Content-Length '" + value + "'", e);
    }
  }

  /** One line without its CR LF; ISO-8859-1, as HTTP/1.1 header bytes are. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("the connection ended inside the answer's head");
      }
      if (c == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("a line of the answer's head is longer than " + MAX_LINE);
      }
      line.append((char) c);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing is all that was wanted
      }
      socket = null;
      in = null;
      out = null;
    }
  }

  /** The server closed the connection before the first byte of the answer. */
  private static final class StaleConnectionException extends EOFException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException(SocketException cause) {
      super("the server closed the connection before answering");
      initCause(cause);
    }
  }
}

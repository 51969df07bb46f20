package app.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load test's HTTP/1.1 client against a scripted server: bodies of a fixed length, chunked or
 * up to the connection's end, kept-alive connections reused, and closed ones replaced.
 */
class PlainHttpTest {

  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /**
   * A server that answers each request with {@code answer.apply(request number)}; an answer ending
   * in {@code CLOSE} is sent and then the connection is closed.
   */
  private PlainHttp client(Function<Integer, String> answer) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  connections.incrementAndGet();
                  Thread.ofVirtual().start(() -> serve(socket, answer));
                } catch (IOException e) {
                  return;
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    return new PlainHttp(
        URI.create("http://127.0.0.1:" + server.getLocalPort()),
        Duration.ofSeconds(5),
        Duration.ofSeconds(5));
  }

  private void serve(Socket socket, Function<Integer, String> answer) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        int length = 0;
        for (String line : head.split("\r\n")) {
          if (line.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        requests.add(head.lines().findFirst().orElse("") + (body.isEmpty() ? "" : " " + body));
        String response = answer.apply(requests.size());
        boolean close = response.endsWith("CLOSE");
        if (close) {
          response = response.substring(0, response.length() - "CLOSE".length());
        }
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        return head.toString();
      }
    }
    return null;
  }

  private static String ok(String body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length()
        + "\r\n\r\n"
        + body;
  }

  @Test
  void answers_of_a_fixed_length_come_back_on_one_kept_alive_connection() throws IOException {
    try (PlainHttp http = client(n -> ok("[" + n + "]"))) {
      for (int i = 1; i <= 3; i++) {
        PlainHttp.Response response = http.get("/api/movies?query=a&limit=" + i);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("[" + i + "]");
      }
    }
    assertThat(connections).hasValue(1);
    assertThat(requests).first().asString().startsWith("GET /api/movies?query=a&limit=1 HTTP/1.1");
  }

  @Test
  void a_chunked_answer_is_put_together_and_the_connection_kept() throws IOException {
    String chunked =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4;ext=1\r\n[{\"m\r\n"
            + "b\r\novieId\":7}]\r\n"
            + "0\r\nX-Trailer: yes\r\n\r\n";
    try (PlainHttp http = client(n -> chunked)) {
      assertThat(http.get("/a").text()).isEqualTo("[{\"movieId\":7}]");
      assertThat(http.get("/b").text()).isEqualTo("[{\"movieId\":7}]");
    }
    assertThat(connections).hasValue(1);
  }

  @Test
  void a_post_sends_its_body_and_an_error_status_is_returned_not_thrown() throws IOException {
    try (PlainHttp http = client(n -> "HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\n{}")) {
      PlainHttp.Response response =
          http.post(
              "/api/recommendations",
              "application/json",
              "[{\"movieId\":1,\"rating\":4.0}]".getBytes(StandardCharsets.UTF_8));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.text()).isEqualTo("{}");
    }
    assertThat(requests)
        .containsExactly("POST /api/recommendations HTTP/1.1 [{\"movieId\":1,\"rating\":4.0}]");
  }

  @Test
  void a_connection_the_server_closes_is_replaced_whether_or_not_it_said_so() throws IOException {
    // 1: "Connection: close"; 2: closed without saying; 3: an answer read to the end of the stream
    try (PlainHttp http =
        client(
            n ->
                switch (n) {
                  case 1 ->
                      "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\n1CLOSE";
                  case 2 -> ok("2") + "CLOSE";
                  case 3 -> "HTTP/1.1 200 OK\r\n\r\nuntil the end" + "CLOSE";
                  default -> ok(String.valueOf(n));
                })) {
      assertThat(http.get("/1").text()).isEqualTo("1");
      assertThat(http.get("/2").text()).isEqualTo("2");
      assertThat(http.get("/3").text()).isEqualTo("until the end");
      assertThat(http.get("/4").text()).isEqualTo("4");
      assertThat(http.get("/5").text()).isEqualTo("5");
    }
    assertThat(connections).hasValue(4);
    assertThat(requests).hasSize(5);
  }

  @Test
  void a_new_connection_closed_without_an_answer_fails_instead_of_retrying() throws IOException {
    try (PlainHttp http = client(n -> "CLOSE")) {
      assertThatThrownBy(() -> http.get("/x"))
          .isInstanceOf(EOFException.class)
          .hasMessageContaining("without answering");
    }
    assertThat(requests).hasSize(1);
  }

  @Test
  void what_is_not_http_is_an_error_that_quotes_it() throws IOException {
    try (PlainHttp http = client(n -> "SSH-2.0-OpenSSH\r\n\r\n")) {
      assertThatThrownBy(() -> http.get("/x"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not an HTTP/1.x answer: 'SSH-2.0-OpenSSH'");
    }
  }

  @Test
  void only_plain_http_addresses_are_accepted() {
    assertThatThrownBy(
            () ->
                new PlainHttp(
                    URI.create("https://example.org"),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1)))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("--url must be http://HOST[:PORT]");
  }
}

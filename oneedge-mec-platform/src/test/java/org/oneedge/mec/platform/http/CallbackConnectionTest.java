package org.oneedge.mec.platform.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Raw-wire tests of the keep-alive connection a notification lane POSTs on: exact answers in, status out. */
class CallbackConnectionTest {

    /** A server answering each request with the next scripted answer; {@code null} = close without answering. */
    private static final class ScriptedServer implements AutoCloseable {
        final ServerSocket socket;
        final Queue<String> answers = new ConcurrentLinkedQueue<>();
        final AtomicInteger connections = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();

        ScriptedServer(String... script) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            answers.addAll(List.of(script));
            Thread.ofVirtual().start(this::accept);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = new BufferedInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
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
                    requests.add(head.lines().findFirst().orElse("") + " " + body);
                    String answer = answers.poll();
                    if (answer == null || answer.equals("CLOSE")) {
                        return;
                    }
                    out.write(answer.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // client went away
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            for (int c = in.read(); c >= 0; c = in.read()) {
                head.write(c);
                matched = (c == '\r' && matched % 2 == 0) || (c == '\n' && matched % 2 == 1) ? matched + 1 : 0;
                if (matched == 4) {
                    return head.toString(StandardCharsets.US_ASCII);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private ScriptedServer server;
    private CallbackConnection connection;

    @AfterEach
    void stop() throws IOException {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void consecutive_posts_share_one_connection_and_carry_path_host_and_body() throws IOException {
        server = new ScriptedServer("HTTP/1.1 204 No Content\r\n\r\n", "HTTP/1.1 204 No Content\r\n\r\n",
                "HTTP/1.1 204 No Content\r\nServer: x\r\n\r\n");
        connection = new CallbackConnection(server.uri("/cb/1?x=y"), Duration.ofSeconds(5));

        assertThat(connection.post(json("{\"a\":1}"))).isEqualTo(204);
        assertThat(connection.post(json("{\"a\":2}"))).isEqualTo(204);
        assertThat(connection.post(json("{\"a\":3}"))).isEqualTo(204);

        assertThat(server.connections).hasValue(1);
        assertThat(server.requests).containsExactly("POST /cb/1?x=y HTTP/1.1 {\"a\":1}",
                "POST /cb/1?x=y HTTP/1.1 {\"a\":2}", "POST /cb/1?x=y HTTP/1.1 {\"a\":3}");
    }

    @Test
    void answers_with_bodies_are_read_whatever_their_framing() throws IOException {
        server = new ScriptedServer(
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                "HTTP/1.1 500 Server Error\r\nTransfer-Encoding: chunked\r\n\r\n3;x=1\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n",
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
        connection = new CallbackConnection(server.uri("/n"), Duration.ofSeconds(5));

        assertThat(connection.post(json("{}"))).isEqualTo(200);
        assertThat(connection.post(json("{}"))).isEqualTo(500);
        assertThat(connection.post(json("{}"))).isEqualTo(202);
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void a_closed_connection_is_reopened_and_a_post_the_server_never_answered_is_sent_once_more()
            throws IOException {
        server = new ScriptedServer("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n",
                "HTTP/1.1 204 No Content\r\n\r\n", "CLOSE", "HTTP/1.1 204 No Content\r\n\r\n");
        connection = new CallbackConnection(server.uri("/n"), Duration.ofSeconds(5));

        assertThat(connection.post(json("{\"n\":1}"))).isEqualTo(204); // then the server closes: Connection: close
        assertThat(connection.post(json("{\"n\":2}"))).isEqualTo(204); // on a second connection
        assertThat(connection.post(json("{\"n\":3}"))).isEqualTo(204); // dropped unanswered, resent on a third

        assertThat(server.connections).hasValue(3);
        assertThat(server.requests).extracting(r -> r.substring(r.indexOf('{')))
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":3}");
    }

    @Test
    void garbage_or_no_answer_is_an_io_error_and_the_connection_starts_afresh() throws IOException {
        server = new ScriptedServer("SMTP ready\r\n\r\n", "CLOSE", "HTTP/1.1 204 No Content\r\n\r\n");
        connection = new CallbackConnection(server.uri("/n"), Duration.ofSeconds(5));

        assertThatThrownBy(() -> connection.post(json("{}"))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("status line");
        assertThat(connection.isOpen()).isFalse();
        assertThatThrownBy(() -> connection.post(json("{}"))).isInstanceOf(IOException.class); // fresh: no resend
        assertThat(connection.post(json("{}"))).isEqualTo(204);
    }

    @Test
    void unreachable_callback_is_an_io_error() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        connection = new CallbackConnection(URI.create("http://127.0.0.1:" + port + "/n"), Duration.ofSeconds(2));
        assertThatThrownBy(() -> connection.post(json("{}"))).isInstanceOf(IOException.class);
    }
}

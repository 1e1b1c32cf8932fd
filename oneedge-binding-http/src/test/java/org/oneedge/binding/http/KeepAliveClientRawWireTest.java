package org.oneedge.binding.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.binding.http.wire.WireResponse;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Raw-wire tests of the keep-alive client under {@link HttpCseClient} for {@code http://}: scripted answers in (exact
 * bytes), decoded responses and connection counts out.
 */
class KeepAliveClientRawWireTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nX-M2M-RSC: 2000\r\nX-M2M-RI: r\r\nContent-Length: 0\r\n\r\n";

    /**
     * A server answering each request with the next scripted answer; {@code CLOSE} = close without answering,
     * {@code SILENT} = keep the connection open and never answer.
     */
    private static final class ScriptedServer implements AutoCloseable {
        final ServerSocket socket;
        final Queue<String> answers = new ConcurrentLinkedQueue<>();
        final AtomicInteger connections = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger closedByClient = new AtomicInteger();

        ScriptedServer(String... script) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            answers.addAll(List.of(script));
            Thread.ofVirtual().start(this::accept);
        }

        String origin() {
            return "http://127.0.0.1:" + socket.getLocalPort();
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
                        closedByClient.incrementAndGet();
                        return;
                    }
                    int length = 0;
                    for (String line : head.split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                    requests.add(head + body);
                    String answer = answers.poll();
                    if (answer == null || answer.equals("CLOSE")) {
                        return;
                    }
                    if (!answer.equals("SILENT")) {
                        out.write(answer.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
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
    private HttpCseClient client;

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HttpCseClient clientFor(ScriptedServer s, Duration requestTimeout) {
        return new HttpCseClient(s.origin(), HttpClientConfig.builder().requestTimeout(requestTimeout).build());
    }

    private static Request retrieve(String rqi) {
        return Request.builder().operation(Operation.RETRIEVE).to("/id-in/cse-in/ae1").from("CAE1").requestId(rqi)
                .build();
    }

    @Test
    void two_requests_share_one_keep_alive_connection() throws IOException {
        server = new ScriptedServer(OK, OK);
        client = clientFor(server, Duration.ofSeconds(5));

        assertThat(client.send(retrieve("r1")).statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(client.send(retrieve("r2")).statusCode()).isEqualTo(ResponseStatusCode.OK);

        assertThat(server.connections).hasValue(1);
        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(0)).startsWith("GET /~/id-in/cse-in/ae1 HTTP/1.1\r\n")
                .contains("\r\nHost: 127.0.0.1:" + server.socket.getLocalPort() + "\r\n")
                .contains("\r\nX-M2M-Origin: CAE1\r\n", "\r\nX-M2M-RI: r1\r\n");
    }

    @Test
    void every_response_header_reaches_the_codec() throws IOException {
        String body = "{\"m2m:ae\":{\"rn\":\"ae1\"}}";
        server = new ScriptedServer("HTTP/1.1 201 Created\r\nX-M2M-RSC: 2001\r\nX-M2M-RI: c1\r\n"
                + "Content-Location: /id-in/cse-in/ae1\r\nX-M2M-RVI: 4\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
        client = clientFor(server, Duration.ofSeconds(5));

        ObjectNode ae = new ObjectMapper().createObjectNode();
        ae.putObject("m2m:ae").put("rn", "ae1");
        Response r = client.send(Request.builder().operation(Operation.CREATE).to("/id-in/cse-in").from("CAE1")
                .requestId("c1").resourceType(2).content(ae).build());

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(r.requestId()).isEqualTo("c1");
        assertThat(r.contentLocation()).isEqualTo("/id-in/cse-in/ae1");
        assertThat(r.releaseVersion()).isEqualTo("4");
        assertThat(r.content().at("/m2m:ae/rn").asText()).isEqualTo("ae1");
        assertThat(server.requests.get(0)).startsWith("POST /~/id-in/cse-in HTTP/1.1\r\n")
                .contains("\r\nContent-Length: ", "\r\nContent-Type: application/json;ty=2\r\n")
                .endsWith("{\"m2m:ae\":{\"rn\":\"ae1\"}}");
    }

    @Test
    void chunked_answer_is_read_whole_and_the_connection_reused() throws IOException {
        server = new ScriptedServer("HTTP/1.1 200 OK\r\nX-M2M-RSC: 2000\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5;x=1\r\n{\"a\":\r\n3\r\n42}\r\n0\r\nTrailer: 1\r\n\r\n", OK);
        client = clientFor(server, Duration.ofSeconds(5));

        Response first = client.send(retrieve("r1"));
        Response second = client.send(retrieve("r2"));

        assertThat(first.content().get("a").asInt()).isEqualTo(42);
        assertThat(second.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void connection_close_or_http_1_0_answer_makes_the_next_request_open_a_fresh_connection() throws IOException {
        server = new ScriptedServer("HTTP/1.1 200 OK\r\nX-M2M-RSC: 2000\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.0 200 OK\r\nX-M2M-RSC: 2000\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.0 200 OK\r\nX-M2M-RSC: 2000\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", OK);
        client = clientFor(server, Duration.ofSeconds(5));

        for (int i = 1; i <= 4; i++) {
            assertThat(client.send(retrieve("r" + i)).statusCode()).isEqualTo(ResponseStatusCode.OK);
        }

        assertThat(server.connections).hasValue(3); // closed after 1 and after 2; 3 (keep-alive) carries 4
    }

    @Test
    void request_the_server_dropped_on_an_idle_connection_is_sent_once_more_on_a_fresh_one() throws IOException {
        server = new ScriptedServer(OK, "CLOSE", OK);
        client = clientFor(server, Duration.ofSeconds(5));

        assertThat(client.send(retrieve("r1")).statusCode()).isEqualTo(ResponseStatusCode.OK);
        Response second = client.send(retrieve("r2"));

        assertThat(second.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(server.connections).hasValue(2);
        assertThat(server.requests).extracting(r -> r.substring(r.indexOf("X-M2M-RI: ") + 10, r.indexOf("X-M2M-RI: ") + 12))
                .containsExactly("r1", "r2", "r2");
    }

    @Test
    void request_dropped_on_a_fresh_connection_is_not_resent() throws IOException {
        server = new ScriptedServer("CLOSE", OK);
        client = clientFor(server, Duration.ofSeconds(5));

        Response r = client.send(retrieve("r1"));

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.TARGET_NOT_REACHABLE);
        assertThat(r.requestId()).isEqualTo("r1");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void unanswered_request_is_4008_after_the_timeout_and_its_connection_is_not_reused() throws IOException {
        server = new ScriptedServer(OK, "SILENT", OK);
        client = clientFor(server, Duration.ofMillis(300));

        assertThat(client.send(retrieve("r1")).statusCode()).isEqualTo(ResponseStatusCode.OK);
        Response timedOut = client.send(retrieve("r2"));
        Response after = client.send(retrieve("r3"));

        assertThat(timedOut.statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
        assertThat(timedOut.requestId()).isEqualTo("r2");
        assertThat(timedOut.debugMessage()).contains("no response from").contains("within 300 ms");
        assertThat(after.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(server.connections).hasValue(2);
        assertThat(server.requests).hasSize(3); // the timed-out request was not sent again
    }

    @Test
    void refused_port_is_5103_connection_refused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        client = new HttpCseClient("http://127.0.0.1:" + port);

        Response r = client.send(retrieve("r1"));

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.TARGET_NOT_REACHABLE);
        assertThat(r.requestId()).isEqualTo("r1");
        assertThat(r.debugMessage()).contains("is not reachable: connection refused");
    }

    @Test
    void garbage_answer_is_5103_and_the_next_request_opens_a_fresh_connection() throws IOException {
        server = new ScriptedServer("SMTP ready\r\n\r\n", OK);
        client = clientFor(server, Duration.ofSeconds(5));

        Response r = client.send(retrieve("r1"));
        Response next = client.send(retrieve("r2"));

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.TARGET_NOT_REACHABLE);
        assertThat(r.debugMessage()).contains("malformed status line");
        assertThat(next.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(server.connections).hasValue(2);
    }

    @Test
    void header_value_http_cannot_carry_is_4000_and_nothing_is_sent() throws IOException {
        server = new ScriptedServer(OK);
        client = clientFor(server, Duration.ofSeconds(5));

        Response r = client.send(Request.builder().operation(Operation.RETRIEVE).to("/id-in/cse-in")
                .from("CAE1\r\nX-Evil: 1").requestId("r1").build());

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).startsWith("cannot send the request as HTTP");
        assertThat(server.connections).hasValue(0);
    }

    @Test
    void connection_idle_past_the_pool_limit_is_closed_rather_than_reused() throws IOException {
        server = new ScriptedServer(OK, OK);
        try (Http11ConnectionPool pool = new Http11ConnectionPool(HttpClientConfig.builder()
                .maxIdleTime(Duration.ofNanos(1)).build())) {
            WireResponse first = pool.send(server.origin(), "GET", "/a", Map.of(), new byte[0]);
            WireResponse second = pool.send(server.origin(), "GET", "/b", Map.of(), new byte[0]);

            assertThat(first.header("x-m2m-rsc")).isEqualTo("2000");
            assertThat(second.status()).isEqualTo(200);
            assertThat(server.connections).hasValue(2);
        }
    }

    @Test
    void connections_over_the_idle_bound_are_closed_after_their_answer() throws IOException {
        server = new ScriptedServer(OK, OK);
        try (Http11ConnectionPool pool = new Http11ConnectionPool(HttpClientConfig.builder()
                .maxIdlePerOrigin(0).build())) {
            pool.send(server.origin(), "GET", "/a", Map.of(), new byte[0]);
            pool.send(server.origin(), "GET", "/b", Map.of(), new byte[0]);

            assertThat(pool.idleConnections(server.origin())).isZero();
            assertThat(server.connections).hasValue(2);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(server.closedByClient).hasValue(2));
        }
    }

    @Test
    void closing_the_pool_closes_its_idle_connections() throws IOException {
        server = new ScriptedServer(OK);
        Http11ConnectionPool pool = new Http11ConnectionPool(HttpClientConfig.defaults());
        pool.send(server.origin(), "GET", "/a", Map.of(), new byte[0]);
        assertThat(pool.idleConnections(server.origin())).isEqualTo(1);

        pool.close();

        assertThat(pool.idleConnections(server.origin())).isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(server.closedByClient).hasValue(1));
    }
}

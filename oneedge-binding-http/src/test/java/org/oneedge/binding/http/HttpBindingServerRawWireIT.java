package org.oneedge.binding.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** Exact bytes in, exact status and headers out (STYLE.md raw-wire tests), against a fake CSE. */
class HttpBindingServerRawWireIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Request> received = new CopyOnWriteArrayList<>();
    private static final List<Boolean> onVirtualThread = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean explode = new AtomicBoolean();
    private static HttpBindingServer server;
    private static int port;

    @BeforeAll
    static void startServer() {
        server = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort().toBuilder().maxBodyBytes(64).build(),
                request -> {
                    received.add(request);
                    onVirtualThread.add(Thread.currentThread().isVirtual());
                    if (explode.get()) {
                        throw new IllegalStateException("boom");
                    }
                    ObjectNode content = JSON.createObjectNode();
                    content.putObject("m2m:cnt").put("rn", "cnt1");
                    return Response.of(ResponseStatusCode.CREATED, content)
                            .withContentLocation("cse-in/AE1/cnt1")
                            .withContentStatus(1, 3)
                            .withFrom("/id-in");
                });
        server.start();
        port = server.port();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void reset() {
        received.clear();
        explode.set(false);
    }

    @Test
    void binds_a_free_port_and_reports_it() {
        assertThat(port).isPositive();
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
    }

    @Test
    void post_with_ty_is_a_create_and_the_response_carries_the_ts0009_headers() throws IOException {
        var answer = RawHttp.exchange(port, """
                POST /cse-in/AE1 HTTP/1.1
                Host: x
                X-M2M-Origin: CAE1
                X-M2M-RI: rq-1
                X-M2M-RVI: 3
                Content-Type: application/json;ty=3
                Connection: close
                """, "{\"m2m:cnt\":{\"rn\":\"cnt1\"}}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("X-M2M-RSC")).isEqualTo("2001");
        assertThat(answer.header("X-M2M-RI")).isEqualTo("rq-1");
        assertThat(answer.header("X-M2M-RVI")).isEqualTo("3");
        assertThat(answer.header("X-M2M-OT")).matches("\\d{8}T\\d{6}(,\\d+)?");
        assertThat(answer.header("X-M2M-Origin")).isEqualTo("/id-in");
        assertThat(answer.header("Content-Location")).isEqualTo("cse-in/AE1/cnt1");
        assertThat(answer.header("X-M2M-CTS")).isEqualTo("1");
        assertThat(answer.header("X-M2M-CTO")).isEqualTo("3");
        assertThat(answer.header("Content-Type")).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo("{\"m2m:cnt\":{\"rn\":\"cnt1\"}}");
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo(Operation.CREATE);
            assertThat(r.resourceType()).isEqualTo(3);
            assertThat(r.to()).isEqualTo("cse-in/AE1");
            assertThat(r.from()).isEqualTo("CAE1");
            assertThat(r.content().at("/m2m:cnt/rn").asText()).isEqualTo("cnt1");
        });
    }

    @Test
    void post_without_ty_is_a_notify() throws IOException {
        var answer = RawHttp.exchange(port, """
                POST /CAE1 HTTP/1.1
                Host: x
                X-M2M-Origin: /id-in
                X-M2M-RI: n-1
                X-M2M-RVI: 3
                Content-Type: application/vnd.onem2m-ntfy+json
                Connection: close
                """, "{\"m2m:sgn\":{\"vrq\":true}}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo(Operation.NOTIFY);
            assertThat(r.resourceType()).isNull();
            assertThat(r.to()).isEqualTo("CAE1");
        });
    }

    @Test
    void handles_each_request_on_a_virtual_thread() throws IOException {
        onVirtualThread.clear();
        RawHttp.exchange(port, "GET /cse-in HTTP/1.1\nHost: x\nX-M2M-RI: v\nConnection: close", null);
        assertThat(onVirtualThread).containsExactly(true);
    }

    @Test
    void malformed_json_is_refused_with_4000_without_reaching_the_cse() throws IOException {
        var answer = RawHttp.exchange(port, """
                POST /cse-in HTTP/1.1
                Host: x
                X-M2M-RI: bad-json
                Content-Type: application/json;ty=2
                Connection: close
                """, "{\"m2m:ae\":");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("X-M2M-RSC")).isEqualTo("4000");
        assertThat(answer.header("X-M2M-RI")).isEqualTo("bad-json");
        assertThat(answer.body()).startsWith("{\"m2m:dbg\":\"malformed JSON: ");
        assertThat(received).isEmpty();
    }

    @Test
    void unsupported_media_type_is_refused_with_4015() throws IOException {
        var answer = RawHttp.exchange(port, """
                POST /cse-in HTTP/1.1
                Host: x
                X-M2M-RI: xml
                Content-Type: application/xml;ty=2
                Connection: close
                """, "<m2m:ae/>");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("X-M2M-RSC")).isEqualTo("4015");
        assertThat(answer.body()).contains("unsupported media type application/xml");
        assertThat(received).isEmpty();
    }

    @Test
    void accept_that_cannot_be_met_is_refused_with_5207() throws IOException {
        var answer = RawHttp.exchange(port,
                "GET /cse-in HTTP/1.1\nHost: x\nX-M2M-RI: a\nAccept: application/xml\nConnection: close", null);

        assertThat(answer.status()).isEqualTo(406);
        assertThat(answer.header("X-M2M-RSC")).isEqualTo("5207");
        assertThat(received).isEmpty();
    }

    @Test
    void body_over_the_limit_is_refused_with_4000_naming_both_sizes_and_the_connection_closed() throws IOException {
        String body = "{\"m2m:cnt\":{\"lbl\":[\"" + "x".repeat(100) + "\"]}}";
        var answer = RawHttp.exchange(port, """
                POST /cse-in HTTP/1.1
                Host: x
                X-M2M-RI: big
                Content-Type: application/json;ty=3
                """, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Connection")).isEqualTo("close");
        assertThat(answer.header("X-M2M-RSC")).isEqualTo("4000");
        assertThat(answer.body()).isEqualTo("{\"m2m:dbg\":\"request body of " + body.length()
                + " bytes exceeds the limit of 64 bytes\"}");
        assertThat(received).isEmpty();
    }

    @Test
    void chunked_body_over_the_limit_is_refused_too() throws IOException {
        String chunk = "x".repeat(100);
        try (RawHttp raw = new RawHttp(port)) {
            var answer = raw.send("POST /cse-in HTTP/1.1\nHost: x\nX-M2M-RI: chunk\n"
                    + "Content-Type: application/json;ty=3\nTransfer-Encoding: chunked\nConnection: close\n\n"
                    + Integer.toHexString(chunk.length()) + "\n" + chunk + "\n0\n", null);
            assertThat(answer.header("X-M2M-RSC")).isEqualTo("4000");
            assertThat(answer.body()).contains("exceeds the limit of 64 bytes");
        }
        assertThat(received).isEmpty();
    }

    @Test
    void bad_query_number_is_refused_naming_the_parameter() throws IOException {
        var answer = RawHttp.exchange(port,
                "GET /cse-in?fu=1&lim=ten HTTP/1.1\nHost: x\nX-M2M-RI: q\nConnection: close", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("X-M2M-RSC")).isEqualTo("4000");
        assertThat(answer.body()).contains("query parameter lim must be an integer, got 'ten'");
        assertThat(received).isEmpty();
    }

    @Test
    void bad_query_timestamp_is_refused_naming_the_parameter() throws IOException {
        var answer = RawHttp.exchange(port,
                "GET /cse-in?crb=yesterday HTTP/1.1\nHost: x\nX-M2M-RI: q\nConnection: close", null);

        assertThat(answer.header("X-M2M-RSC")).isEqualTo("4000");
        assertThat(answer.body()).contains("query parameter crb must be a oneM2M timestamp");
    }

    @Test
    void unknown_method_is_refused_with_4005_and_the_allowed_methods() throws IOException {
        var answer = RawHttp.exchange(port,
                "PATCH /cse-in/AE1 HTTP/1.1\nHost: x\nX-M2M-RI: p\nContent-Type: application/json\nConnection: close",
                "{}");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("X-M2M-RSC")).isEqualTo("4005");
        assertThat(answer.header("Allow")).isEqualTo("GET, PUT, POST, DELETE");
        assertThat(answer.body()).contains("method PATCH is not allowed");
        assertThat(received).isEmpty();
    }

    @Test
    void missing_request_identifier_is_refused_with_4000() throws IOException {
        var answer = RawHttp.exchange(port, "GET /cse-in HTTP/1.1\nHost: x\nConnection: close", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("X-M2M-RSC")).isEqualTo("4000");
        assertThat(answer.body()).contains("missing X-M2M-RI");
        assertThat(received).isEmpty();
    }

    @Test
    void paths_map_to_the_right_to() throws IOException {
        assertThat(toOf("/cse-in/AE1/cnt1")).isEqualTo("cse-in/AE1/cnt1");
        assertThat(toOf("/cnt123")).isEqualTo("cnt123");
        assertThat(toOf("/~/id-in/cse-in/AE1")).isEqualTo("/id-in/cse-in/AE1");
        assertThat(toOf("/_/sp.example.com/id-in/cse-in")).isEqualTo("//sp.example.com/id-in/cse-in");
        assertThat(toOf("/cse-in/my%20ae/caf%C3%A9")).isEqualTo("cse-in/my ae/café");
        assertThat(toOf("/cse-in/cnt1/la")).isEqualTo("cse-in/cnt1/la");
    }

    @Test
    void headers_and_query_reach_the_request() throws IOException {
        RawHttp.exchange(port, """
                GET /cse-in?fu=1&ty=3+4&ty=2&lbl=a&lbl=b%2Bc&lim=10&cra=20250101T120000&rcn=6&drt=2&colour=red* HTTP/1.1
                Host: x
                X-M2M-Origin: CAdmin
                X-M2M-RI: h-1
                X-M2M-RVI: 4
                X-M2M-EC: 2
                X-M2M-OT: 20250101T000000
                X-M2M-RET: 5000
                X-M2M-RST: 6000
                X-M2M-OET: 20250101T000001
                X-M2M-VSI: vendor
                X-M2M-GID: g-1
                X-M2M-RTU: http://a/1&mqtt://b/2
                Authorization: Bearer t1+t2
                Connection: close
                """, null);

        Request r = received.get(0);
        assertThat(r.operation()).isEqualTo(Operation.RETRIEVE);
        assertThat(r.from()).isEqualTo("CAdmin");
        assertThat(r.releaseVersion()).isEqualTo("4");
        assertThat(r.eventCategory()).isEqualTo("2");
        assertThat(r.originatingTimestamp()).isEqualTo("20250101T000000");
        assertThat(r.requestExpirationTimestamp()).isEqualTo("5000");
        assertThat(r.resultExpirationTimestamp()).isEqualTo("6000");
        assertThat(r.operationExecutionTime()).isEqualTo("20250101T000001");
        assertThat(r.vendorInformation()).isEqualTo("vendor");
        assertThat(r.groupRequestIdentifier()).isEqualTo("g-1");
        assertThat(r.responseTargets()).containsExactly("http://a/1", "mqtt://b/2");
        assertThat(r.tokens()).containsExactly("t1", "t2");
        assertThat(r.resultContent()).isEqualTo(6);
        assertThat(r.desiredIdentifierResultType()).isEqualTo(2);
        assertThat(r.filterCriteria().isDiscovery()).isTrue();
        assertThat(r.filterCriteria().resourceTypes()).containsExactly(3, 4, 2);
        assertThat(r.filterCriteria().labels()).containsExactly("a", "b+c");
        assertThat(r.filterCriteria().limit()).isEqualTo(10);
        assertThat(r.filterCriteria().createdAfter()).isEqualTo("2025-01-01T12:00:00Z");
        assertThat(r.filterCriteria().attributes()).containsEntry("colour", "red*");
    }

    @Test
    void request_head_over_the_limit_is_answered_in_onem2m_form() throws IOException {
        var answer = RawHttp.exchange(port, "GET /cse-in HTTP/1.1\nHost: x\nX-M2M-RI: h\nX-Big: "
                + "y".repeat(10_000) + "\nConnection: close", null);

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.header("X-M2M-RSC")).isEqualTo("4000");
        assertThat(answer.body()).startsWith("{\"m2m:dbg\":\"HTTP 431");
        assertThat(received).isEmpty();
    }

    @Test
    void handler_exception_is_5000_and_the_server_keeps_serving() throws IOException {
        explode.set(true);
        try (RawHttp raw = new RawHttp(port)) {
            var failed = raw.send("GET /cse-in HTTP/1.1\nHost: x\nX-M2M-RI: e1", null);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.header("X-M2M-RSC")).isEqualTo("5000");
            assertThat(failed.body()).contains("boom");
            explode.set(false);
            var next = raw.send("GET /cse-in HTTP/1.1\nHost: x\nX-M2M-RI: e2", null);
            assertThat(next.header("X-M2M-RSC")).isEqualTo("2001");
            assertThat(next.header("X-M2M-RI")).isEqualTo("e2");
        }
    }

    @Test
    void keeps_the_connection_alive_across_requests() throws IOException {
        try (RawHttp raw = new RawHttp(port)) {
            for (int i = 0; i < 3; i++) {
                var answer = raw.send("GET /cse-in HTTP/1.1\nHost: x\nX-M2M-RI: k" + i, null);
                assertThat(answer.header("X-M2M-RI")).isEqualTo("k" + i);
            }
        }
        assertThat(received).hasSize(3);
    }

    @Test
    void bare_server_answers_the_fixed_body() throws IOException {
        try (HttpBindingServer bare = HttpBindingServer.bare(HttpBindingConfig.loopbackAnyPort(),
                "{\"ok\":1}".getBytes())) {
            bare.start();
            var answer = RawHttp.exchange(bare.port(), "GET /anything HTTP/1.1\nHost: x\nX-M2M-RI: b\nConnection: close",
                    null);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("X-M2M-RSC")).isEqualTo("2000");
            assertThat(answer.header("X-M2M-RI")).isEqualTo("b");
            assertThat(answer.body()).isEqualTo("{\"ok\":1}");
        }
    }

    private static String toOf(String path) throws IOException {
        received.clear();
        var answer = RawHttp.exchange(port, "GET " + path + " HTTP/1.1\nHost: x\nX-M2M-RI: p\nConnection: close", null);
        assertThat(answer.header("X-M2M-RSC")).isEqualTo("2001");
        return received.get(0).to();
    }
}

package org.oneedge.binding.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** Client -> real server on a free port -> fake CSE that records: every field survives both ways. */
class HttpClientRoundTripIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Request> received = new CopyOnWriteArrayList<>();
    private static final List<String> paths = new CopyOnWriteArrayList<>();
    private static volatile Response answer;
    private static HttpBindingServer server;
    private static HttpCseClient client;
    private static HttpRemoteSender sender;

    @BeforeAll
    static void start() {
        server = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), request -> {
            received.add(request);
            return answer;
        });
        server.start();
        client = new HttpCseClient(server.baseUrl());
        sender = new HttpRemoteSender(HttpClientConfig.builder().requestTimeout(Duration.ofSeconds(5)).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        sender.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        received.clear();
        paths.clear();
        answer = Response.of(ResponseStatusCode.OK, null);
    }

    @Test
    void every_request_and_response_field_survives_the_round_trip() {
        ObjectNode content = JSON.createObjectNode();
        content.putObject("m2m:cin").put("con", "héllo + wörld").put("cnf", "text/plain:0");
        FilterCriteria fc = new FilterCriteria(1, 2, List.of(3, 4), List.of("lbl a", "b+c"), List.of("cnt1"),
                Instant.parse("2025-01-02T03:04:05Z"), Instant.parse("2024-01-02T03:04:05.123456Z"),
                Instant.parse("2023-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05Z"), 10, 1,
                Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z"), 100L, 2000L,
                List.of("text/plain"), 50, 2, 3, "../la", Map.of("colour", "red*", "aei", "C1"));
        Request request = Request.builder()
                .operation(Operation.CREATE).to("/id-in/cse-in/my AE/cnt1").from("CAE1").requestId("rq-42")
                .resourceType(4).content(content).releaseVersion("4").resultContent(3).filterCriteria(fc)
                .desiredIdentifierResultType(2).responseType(2).responseTargets(List.of("http://a:1/x", "CAE2"))
                .resultPersistence("PT10S").eventCategory("3").originatingTimestamp("20250101T000000")
                .requestExpirationTimestamp("9000").resultExpirationTimestamp("20300101T000000")
                .operationExecutionTime("1000").vendorInformation("v=1").groupRequestIdentifier("grp-7")
                .attributeList(List.of("rn", "lbl")).tokens(List.of("tok1", "tok2"))
                .build();
        ObjectNode result = JSON.createObjectNode();
        result.putObject("m2m:rce").put("uri", "cse-in/AE/cnt1/cin9");
        answer = new Response(ResponseStatusCode.CREATED, "rq-42", result, "/id-in", null, "4",
                "cse-in/AE/cnt1/cin9", 1, 2, "20250101T000001");

        Response response = client.send(request);

        assertThat(received).containsExactly(request);
        assertThat(response).isEqualTo(answer);
    }

    @Test
    void each_operation_uses_its_method_and_comes_back_as_itself() {
        for (Operation op : Operation.values()) {
            received.clear();
            Request r = Request.builder().operation(op).to("cse-in/AE1").requestId("r-" + op)
                    .resourceType(op == Operation.CREATE ? 2 : null).build();
            assertThat(client.send(r).statusCode()).isEqualTo(ResponseStatusCode.OK);
            assertThat(received).containsExactly(r);
        }
    }

    @Test
    void an_error_response_keeps_its_code_and_debug_message() {
        answer = Response.error(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, "no privilege for CAE9");

        Response response = client.send(Request.builder().operation(Operation.RETRIEVE).to("cse-in")
                .requestId("x").build());

        assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(response.debugMessage()).isEqualTo("no privilege for CAE9");
        assertThat(response.requestId()).isEqualTo("x");
    }

    @Test
    void remote_sender_forwards_to_the_mapped_path_under_the_point_of_access() {
        Response r = sender.send(server.baseUrl() + "/", Request.builder().operation(Operation.RETRIEVE)
                .to("//sp.example/id-mn/cse-mn/AE1").requestId("f1").build());

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(received).singleElement().extracting(Request::to).isEqualTo("//sp.example/id-mn/cse-mn/AE1");
    }

    @Test
    void remote_sender_posts_a_notify_to_the_notification_url_as_given() throws Exception {
        try (HttpNotificationReceiver receiver = new HttpNotificationReceiver()) {
            receiver.start();
            Request notify = notify("CAE1", "{\"m2m:sgn\":{\"nev\":{\"net\":3},\"sur\":\"/id-in/sub1\"}}");

            Response r = sender.send(receiver.url(), notify);

            assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
            assertThat(r.requestId()).isEqualTo("n1");
            Request got = receiver.poll(Duration.ofSeconds(5));
            assertThat(got).isEqualTo(notify.toBuilder().to(HttpNotificationReceiver.PATH.substring(1)).build());
        }
    }

    @Test
    void remote_sender_posts_a_notify_whose_to_is_a_url_to_that_url() throws Exception {
        try (HttpNotificationReceiver receiver = new HttpNotificationReceiver()) {
            receiver.start();
            Response r = sender.send("http://ignored.invalid:1", notify(receiver.url(), "{\"m2m:sgn\":{}}"));
            assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
            assertThat(receiver.notifications()).hasSize(1);
        }
    }

    @Test
    void receiver_answers_verification_with_2000_and_tells_the_listener_only_real_notifications() {
        List<Request> heard = new CopyOnWriteArrayList<>();
        try (HttpNotificationReceiver receiver = new HttpNotificationReceiver(heard::add)) {
            receiver.start();

            Response verify = sender.send(receiver.url(),
                    notify("CAE1", "{\"m2m:sgn\":{\"vrq\":true,\"sur\":\"/id-in/sub1\",\"cr\":\"CAE1\"}}"));
            Response real = sender.send(receiver.url(), notify("CAE1", "{\"m2m:sgn\":{\"nev\":{\"net\":1}}}"));
            Response retrieve = sender.send(receiver.url(), Request.builder().operation(Operation.RETRIEVE)
                    .to("/id-in/x").requestId("g").build());

            assertThat(verify.statusCode()).isEqualTo(ResponseStatusCode.OK);
            assertThat(real.statusCode()).isEqualTo(ResponseStatusCode.OK);
            assertThat(retrieve.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED);
            assertThat(receiver.verificationRequests()).hasSize(1);
            assertThat(receiver.notifications()).hasSize(1);
            assertThat(heard).hasSize(1);
            assertThat(heard.get(0).content().at("/m2m:sgn/nev/net").asInt()).isEqualTo(1);
        }
    }

    @Test
    void unreachable_target_is_5103_not_an_exception() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Response r = sender.send("http://127.0.0.1:" + closedPort, notify("/id-in/CAE1", "{\"m2m:sgn\":{}}"));

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.TARGET_NOT_REACHABLE);
        assertThat(r.requestId()).isEqualTo("n1");
        assertThat(r.debugMessage()).contains("not reachable");
    }

    @Test
    void slow_target_is_4008_not_an_exception() {
        CountDownLatch release = new CountDownLatch(1);
        try (HttpBindingServer slow = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), req -> {
                 try {
                     release.await();
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
                 return Response.of(ResponseStatusCode.OK, null);
             })) {
            slow.start();
            try (HttpCseClient c = new HttpCseClient(slow.baseUrl(),
                    HttpClientConfig.builder().requestTimeout(Duration.ofMillis(300)).build())) {
                Response r = c.send(Request.builder().operation(Operation.RETRIEVE).to("cse-in").requestId("s")
                        .build());
                assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void serves_many_blocking_requests_at_once_one_virtual_thread_each() throws Exception {
        int n = 64;
        CountDownLatch allInside = new CountDownLatch(n);
        try (HttpBindingServer blocking = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), req -> {
                 allInside.countDown();
                 try {
                     return allInside.await(10, java.util.concurrent.TimeUnit.SECONDS)
                             ? Response.of(ResponseStatusCode.OK, null)
                             : Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "not all requests got in");
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                     return Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "interrupted");
                 }
             });
             var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            blocking.start();
            try (HttpCseClient many = new HttpCseClient(blocking.baseUrl())) {
                List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String rqi = "m" + i;
                    answers.add(pool.submit(() -> many.send(Request.builder().operation(Operation.RETRIEVE)
                            .to("cse-in").requestId(rqi).build())));
                }
                for (var a : answers) {
                    assertThat(a.get().statusCode()).isEqualTo(ResponseStatusCode.OK);
                }
            }
        }
    }

    @Test
    void remote_sender_supports_only_http_urls() {
        assertThat(sender.supports("http://a:1")).isTrue();
        assertThat(sender.supports("HTTPS://a")).isTrue();
        assertThat(sender.supports("mqtt://broker/x")).isFalse();
        Response r = sender.send("mqtt://broker/x", notify("CAE1", "{}"));
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.TARGET_NOT_REACHABLE);
    }

    @Test
    void create_without_resource_type_is_refused_locally() {
        Response r = client.send(Request.builder().operation(Operation.CREATE).to("cse-in").requestId("c").build());
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(received).isEmpty();
    }

    private static Request notify(String to, String json) {
        try {
            return Request.builder().operation(Operation.NOTIFY).to(to).from("/id-in").requestId("n1")
                    .releaseVersion("3").content(JSON.readTree(json)).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.oneedge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.binding.http.HttpBindingConfig;
import org.oneedge.binding.http.HttpBindingServer;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.cse.Cse;
import org.oneedge.cse.polling.PollingChannelExtension;
import org.oneedge.cse.polling.PollingChannelSettings;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Polling channels over real sockets (TS-0004 7.4.22, 7.5.1.2.7, digest §8.3): an AE with {@code rr=false} gets its
 * messages exactly once and in order with {@link PollingChannelClient}, also when a poll's connection dies with a
 * message in flight or its answer is lost; a request addressed to the AE gets the AE's own answer; bad answers and
 * foreign pollers are refused and change nothing.
 */
class PollingChannelOverHttpIT {

    private Cse cse;
    private HttpBindingServer http;
    private HttpCseClient transport;
    private OneM2MClient ae;
    private String channel;
    private final HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong rqi = new AtomicLong();
    private final AtomicBoolean polling = new AtomicBoolean();
    private Thread poller;

    @BeforeEach
    void givenAnAeWithRequestReachabilityFalseAPollingChannelAndASubscription() {
        cse = Cse.builder().store(new InMemoryResourceStore())
                .extension(new PollingChannelExtension(PollingChannelSettings.defaults()
                        .withPollTimeout(Duration.ofSeconds(2)).withResponseTimeout(Duration.ofSeconds(8))))
                .build();
        cse.start();
        http = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), cse);
        http.start();
        transport = new HttpCseClient(http.baseUrl());
        ae = OneM2MClient.builder(transport).build();
        ae.registerAe("poller", "Npoller", false, List.of());
        channel = PollingChannelClient.createChannel(ae, "pch");
        ae.createContainer(ae.aePath(), "data");
        ObjectNode sub = ContentCodec.object();
        sub.put("rn", "s").putArray("nu").add(ae.originator());
        sub.putObject("enc").putArray("net").add(3);
        ae.create(ae.aePath() + "/data", org.oneedge.model.ResourceType.SUBSCRIPTION, sub);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        polling.set(false);
        if (poller != null) {
            poller.join(Duration.ofSeconds(10));
        }
        raw.close();
        transport.close();
        http.close();
        cse.close();
    }

    @Test
    void a_client_that_reconnects_mid_poll_gets_every_message_exactly_once_and_in_order() throws Exception {
        String lostRqi;
        try (Socket socket = new Socket("127.0.0.1", http.port())) { // a poll whose client dies with a message in flight
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /" + channel + "/pcu HTTP/1.1\r\nHost: 127.0.0.1\r\nX-M2M-Origin: " + ae.originator()
                    + "\r\nX-M2M-RI: doomed\r\nX-M2M-RVI: 3\r\nX-M2M-RET: 10000\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (String con : List.of("1", "2", "3")) {
                ae.createContentInstance(ae.aePath() + "/data", con);
            }
            String partial = readUntil(socket.getInputStream(), "\"rqi\":\"");
            assertThat(partial).startsWith("HTTP/1.1 200");
            lostRqi = readUntil(socket.getInputStream(), "\"");
        } // closed before the AE processed or answered the message
        List<Request> handled = new CopyOnWriteArrayList<>();
        PollingChannelClient client = PollingChannelClient.builder(ae, channel).pollDuration(Duration.ofSeconds(1))
                .handler(r -> {
                    handled.add(r);
                    return Response.of(ResponseStatusCode.OK, null);
                }).build();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            client.pollOnce();
            return handled.size() >= 3;
        });

        assertThat(handled).extracting(r -> r.content().at("/m2m:sgn/nev/rep/m2m:cin/con").asText())
                .containsExactly("1", "2", "3");
        assertThat(lostRqi.substring(0, lostRqi.length() - 1)).isEqualTo(handled.get(0).requestId());
        assertThat(client.pollOnce()).isEmpty();
        assertThat(handled).hasSize(3);
    }

    @Test
    void a_request_whose_answer_was_lost_comes_again_and_is_not_processed_twice() {
        AtomicBoolean dropNextAnswer = new AtomicBoolean(true);
        CseClient lossy = request -> request.operation() == Operation.NOTIFY && request.to().endsWith("/pcu")
                && dropNextAnswer.getAndSet(false)
                ? Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "answer lost on the way")
                : transport.send(request);
        OneM2MClient lossyAe = OneM2MClient.builder(lossy).originator(ae.originator()).build();
        List<String> handled = new CopyOnWriteArrayList<>();
        PollingChannelClient client = PollingChannelClient.builder(lossyAe, channel)
                .pollDuration(Duration.ofSeconds(1))
                .handler(r -> {
                    handled.add(r.requestId() + "=" + r.content().at("/m2m:sgn/nev/rep/m2m:cin/con").asText());
                    return Response.of(ResponseStatusCode.OK, null);
                }).build();
        ae.createContentInstance(ae.aePath() + "/data", "a");
        ae.createContentInstance(ae.aePath() + "/data", "b");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            client.pollOnce();
            return handled.size() >= 2;
        });

        assertThat(client.repeatsSuppressed()).isEqualTo(1);
        assertThat(handled).hasSize(2);
        assertThat(handled.get(0)).endsWith("=a");
        assertThat(handled.get(1)).endsWith("=b");
        assertThat(client.pollOnce()).isEmpty();
    }

    @Test
    void a_request_to_the_rr_false_ae_returns_the_aes_own_response_through_pcu() throws Exception {
        startPolling(r -> r.content().has("deny")
                ? Response.of(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, ContentCodec.parse("{\"m2m:dbg\":\"no\"}"))
                : Response.of(ResponseStatusCode.OK, ContentCodec.parse("{\"app:answer\":{\"from\":\"the AE\"}}")));

        HttpResponse<String> ok = notifyAe("{\"app:ping\":{\"n\":1}}", null);
        HttpResponse<String> refused = notifyAe("{\"deny\":true}", null);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("X-M2M-RSC")).contains("2000");
        assertThat(ok.headers().firstValue("X-M2M-RI")).hasValueSatisfying(v -> assertThat(v).startsWith("other-"));
        assertThat(ContentCodec.parse(ok.body()).at("/app:answer/from").asText()).isEqualTo("the AE");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-M2M-RSC")).contains("4103");
        assertThat(ContentCodec.parse(refused.body()).get("m2m:dbg").asText()).isEqualTo("no");
    }

    @Test
    void a_request_the_ae_does_not_answer_in_time_ends_with_4008_and_is_never_delivered() throws Exception {
        HttpResponse<String> late = notifyAe("{\"app:ping\":{}}", "400");

        assertThat(late.statusCode()).isEqualTo(504);
        assertThat(late.headers().firstValue("X-M2M-RSC")).contains("4008");
        assertThat(ContentCodec.parse(late.body()).get("m2m:dbg").asText()).contains("did not answer");
        HttpResponse<String> poll = send(get(channel + "/pcu", ae.originator()).header("X-M2M-RET", "300"));
        assertThat(poll.headers().firstValue("X-M2M-RSC")).contains("4008");
    }

    @Test
    void foreign_pollers_and_malformed_answers_are_refused_and_change_nothing() throws Exception {
        OneM2MClient other = OneM2MClient.builder(transport).build();
        other.registerAe("other", "Nother", true, List.of());
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return notifyAe("{\"app:ping\":{}}", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode rqp = awaitMessage();
        String answer = "{\"m2m:rsp\":{\"rqi\":\"" + rqp.get("rqi").asText() + "\",\"rsc\":2000}}";

        HttpResponse<String> foreignPoll = send(get(channel + "/pcu", other.originator()).header("X-M2M-RET", "300"));
        HttpResponse<String> foreignAnswer = send(post(channel + "/pcu", other.originator(), answer));
        HttpResponse<String> notARsp = send(post(channel + "/pcu", ae.originator(), "{\"m2m:sgn\":{}}"));
        HttpResponse<String> noRsc = send(post(channel + "/pcu", ae.originator(),
                "{\"m2m:rsp\":{\"rqi\":\"" + rqp.get("rqi").asText() + "\"}}"));
        HttpResponse<String> unknownRqi = send(post(channel + "/pcu", ae.originator(),
                "{\"m2m:rsp\":{\"rqi\":\"nobody\",\"rsc\":2000}}"));
        HttpResponse<String> notJson = send(post(channel + "/pcu", ae.originator(), "{\"m2m:rsp\":"));

        assertRefused(foreignPoll, 403, "4103");
        assertRefused(foreignAnswer, 403, "4103");
        assertRefused(notARsp, 400, "4000");
        assertRefused(noRsc, 400, "4000");
        assertRefused(unknownRqi, 404, "4004");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(waiting).isNotDone();
        // the real answer still completes the waiting request
        assertThat(send(post(channel + "/pcu", ae.originator(), answer)).statusCode()).isEqualTo(200);
        HttpResponse<String> result = waiting.get();
        assertThat(result.headers().firstValue("X-M2M-RSC")).contains("2000");
        assertThat(send(post(channel + "/pcu", ae.originator(), answer)).statusCode()).isEqualTo(200); // repeat: no-op
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private void startPolling(java.util.function.Function<Request, Response> handler) {
        PollingChannelClient client = PollingChannelClient.builder(ae, channel).pollDuration(Duration.ofSeconds(1))
                .handler(handler).build();
        polling.set(true);
        poller = Thread.ofVirtual().start(() -> {
            while (polling.get()) {
                client.pollOnce();
            }
        });
    }

    private JsonNode awaitMessage() {
        JsonNode[] rqp = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpResponse<String> poll = send(get(channel + "/pcu", ae.originator()).header("X-M2M-RET", "1000"));
            if (poll.statusCode() == 200) {
                rqp[0] = ContentCodec.parse(poll.body()).get("m2m:rqp");
            }
            return rqp[0] != null;
        });
        return rqp[0];
    }

    private static void assertRefused(HttpResponse<String> response, int http, String rsc) {
        assertThat(response.statusCode()).isEqualTo(http);
        assertThat(response.headers().firstValue("X-M2M-RSC")).contains(rsc);
        assertThat(ContentCodec.parse(response.body()).get("m2m:dbg").asText()).isNotBlank();
    }

    /** A NOTIFY addressed to the polling AE from another originator, as any HTTP client would send it. */
    private HttpResponse<String> notifyAe(String json, String rqet) throws IOException, InterruptedException {
        HttpRequest.Builder b = post(ae.aePath(), "Cother", json);
        if (rqet != null) {
            b.header("X-M2M-RET", rqet);
        }
        return send(b);
    }

    private HttpRequest.Builder get(String path, String from) {
        return base(path, from).GET();
    }

    private HttpRequest.Builder post(String path, String from, String json) {
        return base(path, from).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder base(String path, String from) {
        return HttpRequest.newBuilder(URI.create(http.baseUrl() + "/" + path)).timeout(Duration.ofSeconds(15))
                .header("X-M2M-Origin", from).header("X-M2M-RI", "other-" + rqi.incrementAndGet())
                .header("X-M2M-RVI", "3").header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads until {@code marker} was read; returns what was read. */
    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        while (!seen.toString(StandardCharsets.UTF_8).endsWith(marker)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before '" + marker + "': " + seen);
            }
            seen.write(b);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }
}

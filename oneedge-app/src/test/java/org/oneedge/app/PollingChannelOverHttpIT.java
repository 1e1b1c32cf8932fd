package org.oneedge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.binding.http.HttpBindingConfig;
import org.oneedge.binding.http.HttpBindingServer;
import org.oneedge.cse.Cse;
import org.oneedge.cse.polling.PollingChannelExtension;
import org.oneedge.cse.polling.PollingChannelSettings;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.model.ContentCodec;

/**
 * An AE that cannot be reached ({@code rr=false}, no {@code poa}) gets its notifications by long-polling
 * {@code <pch>/pcu} over real HTTP (TS-0004 7.5.1.2.7, digest §8.3), also when a poll's connection drops while the
 * poll is parked: the message is not lost, it comes with the next poll, and once answered it never comes again.
 */
class PollingChannelOverHttpIT {

    private static final String AE_ID = "Cpoller";
    private Cse cse;
    private HttpBindingServer http;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong rqi = new AtomicLong();
    private String base;

    @BeforeEach
    void givenAnUnreachableAeWithAPollingChannelAndASubscription() throws Exception {
        cse = Cse.builder().store(new InMemoryResourceStore())
                .extension(new PollingChannelExtension(PollingChannelSettings.defaults()
                        .withPollTimeout(Duration.ofSeconds(2))))
                .build();
        cse.start();
        http = new HttpBindingServer(HttpBindingConfig.builder().host("127.0.0.1").port(0).build(), cse);
        http.start();
        base = http.baseUrl() + "/cse-in";
        assertThat(post(base, 2, "{\"m2m:ae\":{\"rn\":\"poller\",\"api\":\"Npoller\",\"rr\":false,\"srv\":[\"3\"]}}")
                .statusCode()).isEqualTo(201);
        assertThat(post(base + "/poller", 15, "{\"m2m:pch\":{\"rn\":\"pch\"}}").statusCode()).isEqualTo(201);
        assertThat(post(base + "/poller", 3, "{\"m2m:cnt\":{\"rn\":\"data\"}}").statusCode()).isEqualTo(201);
        assertThat(post(base + "/poller/data", 23,
                "{\"m2m:sub\":{\"rn\":\"s\",\"nu\":[\"" + AE_ID + "\"],\"enc\":{\"net\":[3]}}}").statusCode())
                .isEqualTo(201);
    }

    @AfterEach
    void tearDown() {
        client.close();
        http.close();
        cse.close();
    }

    @Test
    void a_message_taken_by_a_dropped_poll_comes_with_the_next_poll_and_once_answered_never_again() throws Exception {
        // a poll that parks, then its client goes away
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /cse-in/poller/pch/pcu HTTP/1.1\r\nHost: 127.0.0.1\r\nX-M2M-Origin: " + AE_ID
                    + "\r\nX-M2M-RI: dropped\r\nX-M2M-RVI: 3\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        assertThat(post(base + "/poller/data", 4, "{\"m2m:cin\":{\"con\":\"hello\"}}").statusCode()).isEqualTo(201);

        // the client reconnects and polls until the notification comes
        JsonNode[] rqp = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            HttpResponse<String> poll = poll();
            if (poll.statusCode() != 200) {
                assertThat(poll.headers().firstValue("X-M2M-RSC")).contains("4008");
                return false;
            }
            rqp[0] = ContentCodec.parse(poll.body()).get("m2m:rqp");
            return true;
        });
        assertThat(rqp[0].get("op").asInt()).isEqualTo(5);
        assertThat(rqp[0].at("/pc/m2m:sgn/nev/rep/m2m:cin/con").asText()).isEqualTo("hello");

        HttpResponse<String> answer = post(base + "/poller/pch/pcu", null,
                "{\"m2m:rsp\":{\"rsc\":2000,\"rqi\":\"" + rqp[0].get("rqi").asText() + "\"}}");
        assertThat(answer.statusCode()).isEqualTo(200);

        // answered: longer than the redelivery timeout later, nothing comes again
        await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(5)).until(() -> true);
        HttpResponse<String> after = poll();
        assertThat(after.statusCode()).isEqualTo(504);
        assertThat(after.headers().firstValue("X-M2M-RSC")).contains("4008");
    }

    @Test
    void notifications_come_in_order_to_a_polling_client() throws Exception {
        for (String con : new String[] {"a", "b", "c"}) {
            assertThat(post(base + "/poller/data", 4, "{\"m2m:cin\":{\"con\":\"" + con + "\"}}").statusCode())
                    .isEqualTo(201);
        }
        StringBuilder seen = new StringBuilder();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            HttpResponse<String> poll = poll();
            if (poll.statusCode() == 200) {
                JsonNode rqp = ContentCodec.parse(poll.body()).get("m2m:rqp");
                seen.append(rqp.at("/pc/m2m:sgn/nev/rep/m2m:cin/con").asText());
                post(base + "/poller/pch/pcu", null,
                        "{\"m2m:rsp\":{\"rsc\":2000,\"rqi\":\"" + rqp.get("rqi").asText() + "\"}}");
            }
            return seen.length() == 3;
        });
        assertThat(seen.toString()).isEqualTo("abc");
    }

    private HttpResponse<String> poll() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/poller/pch/pcu"))
                .timeout(Duration.ofSeconds(10))
                .header("X-M2M-Origin", AE_ID)
                .header("X-M2M-RI", "poll-" + rqi.incrementAndGet())
                .header("X-M2M-RVI", "3")
                .header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A CREATE ({@code ty} given) or a NOTIFY ({@code ty} null) from the AE. */
    private HttpResponse<String> post(String url, Integer ty, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("X-M2M-Origin", AE_ID)
                .header("X-M2M-RI", "rq-" + rqi.incrementAndGet())
                .header("X-M2M-RVI", "3")
                .header("Accept", "application/json")
                .header("Content-Type", "application/json" + (ty == null ? "" : ";ty=" + ty))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

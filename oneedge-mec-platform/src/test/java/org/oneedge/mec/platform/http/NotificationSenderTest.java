package org.oneedge.mec.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Delivery lanes, per-UE order and coalescing of superseded samples while a subscriber lags behind. */
class NotificationSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private NotificationSender sender;
    private URI callback;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try {
                gate.await(); // a subscriber that lags until released
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        callback = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cb");
        sender = new NotificationSender(new NotificationSender.Settings(Duration.ofSeconds(5), 1,
                Duration.ofMillis(10), 64, 2), JSON);
    }

    @AfterEach
    void stop() {
        sender.close();
        server.stop(0);
    }

    private List<JsonNode> of(String ue) {
        return received.stream().filter(n -> n.get("ue").asText().equals(ue)).toList();
    }

    @Test
    void a_lagging_subscriber_gets_every_event_and_the_latest_sample_of_each_ue_in_order() {
        List<String> ues = List.of("ue-1", "ue-2", "ue-3");
        for (int seq = 0; seq < 40; seq++) {
            for (String ue : ues) {
                if (seq == 20) {
                    sender.send(callback, ue, Map.of("ue", ue, "seq", seq, "kind", "event"));
                } else {
                    sender.sendLatest(callback, ue, "sample", Map.of("ue", ue, "seq", seq, "kind", "sample"));
                }
            }
        }
        gate.countDown();

        await().until(() -> ues.stream().allMatch(ue -> !of(ue).isEmpty()
                && of(ue).getLast().get("seq").asInt() == 39));
        assertThat(sender.droppedCount()).isZero();
        assertThat(sender.coalescedCount()).isPositive();
        assertThat(received.size() + sender.coalescedCount()).isEqualTo(3 * 40);
        for (String ue : ues) {
            List<Integer> seqs = of(ue).stream().map(n -> n.get("seq").asInt()).toList();
            assertThat(seqs).isSorted().contains(20);
        }
    }

    @Test
    void a_subscriber_that_keeps_up_gets_every_sample() {
        gate.countDown();
        for (int seq = 0; seq < 5; seq++) {
            sender.sendLatest(callback, "ue-1", "sample", Map.of("ue", "ue-1", "seq", seq));
            int expected = seq + 1;
            await().until(() -> received.size() == expected);
        }
        assertThat(sender.coalescedCount()).isZero();
        assertThat(of("ue-1")).extracting(n -> n.get("seq").asInt()).containsExactly(0, 1, 2, 3, 4);
    }
}

package org.oneedge.mec.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.platform.TestHttp;
import org.oneedge.mec.platform.emulator.EmulatedMec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.oneedge.mec.platform.conformance.MecConformance.assertConformsTo;

/** MEC 009 6.12a websocket delivery: the subscriber asks for a websocket URI, connects, and gets notifications on it. */
class WebsocketNotificationTest {

    private EmulatedMec mec;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        mec = EmulatedMec.start();
    }

    @AfterEach
    void stop() {
        http.shutdownNow(); // close() would wait for the open websockets
        mec.close();
    }

    /** A java.net.http websocket client collecting the JSON text messages it receives. */
    private static final class Collector implements WebSocket.Listener {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        final AtomicBoolean closed = new AtomicBoolean();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(TestHttp.MAPPER_FOR_TESTS.readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.set(true);
            return null;
        }

        List<JsonNode> ofType(String type) {
            return messages.stream().filter(n -> type.equals(n.path("notificationType").asText())).toList();
        }
    }

    private WebSocket connect(String uri, Collector collector) {
        return http.newWebSocketBuilder().buildAsync(URI.create(uri), collector).join();
    }

    @Test
    void rni_subscription_with_websocket_delivers_cell_changes_over_it() {
        TestHttp.Answer created = TestHttp.post(mec.url("/rni/v2/subscriptions"), """
                {"subscriptionType": "CellChangeSubscription", "websockNotifConfig": {"requestWebsocketUri": true},
                 "filterCriteriaAssocHo": {"associateId": [{"type": 1, "value": "10.0.0.1"}]}}""");
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String wsUri = body.at("/websockNotifConfig/websocketUri").asText();
        assertThat(wsUri).startsWith("ws://127.0.0.1:").contains("/notifications/ws/");
        assertThat(body.has("callbackReference")).isFalse();
        assertConformsTo("RniAPI.yaml", "CellChangeSubscription", body);

        Collector collector = new Collector();
        WebSocket ws = connect(wsUri, collector);
        mec.advance(Duration.ofSeconds(45));

        await().until(() -> collector.ofType("CellChangeNotification").size() >= 2);
        JsonNode first = collector.ofType("CellChangeNotification").get(0);
        assertThat(first.at("/trgEcgi/0/cellId").asText()).isEqualTo("0A0000B");
        assertThat(first.at("/subscription/0/href").asText()).isEqualTo(created.header("Location").orElseThrow());
        assertConformsTo("RniAPI.yaml", "CellChangeNotification", first);

        TestHttp.Answer toCallback = TestHttp.put(created.header("Location").orElseThrow(), """
                {"subscriptionType": "CellChangeSubscription", "callbackReference": "http://127.0.0.1:1/cb",
                 "filterCriteriaAssocHo": {}}""");
        assertThat(toCallback.status()).isEqualTo(200);
        assertThat(toCallback.json().has("websockNotifConfig")).isFalse();
        await().untilTrue(collector.closed); // the websocket was given up for the callback URI
        assertThat(TestHttp.delete(created.header("Location").orElseThrow()).status()).isEqualTo(204);
        ws.abort();
    }

    @Test
    void notifications_sent_before_the_subscriber_connects_wait_for_it() {
        TestHttp.Answer created = TestHttp.post(mec.url("/location/v3/subscriptions/zones"), """
                {"zoneLocationEventSubscription": {"subscriptionType": "ZoneLocationEventSubscription",
                 "zoneId": "zone-b", "websockNotifConfig": {"requestWebsocketUri": true}}}""");
        assertThat(created.status()).isEqualTo(201);
        JsonNode sub = created.json().get("zoneLocationEventSubscription");
        assertConformsTo("LocationAPI.yaml", "ZoneLocationEventSubscription", sub);
        mec.advance(Duration.ofSeconds(45));

        Collector collector = new Collector();
        connect(sub.at("/websockNotifConfig/websocketUri").asText(), collector).request(1);

        await().until(() -> !collector.messages.isEmpty());
        JsonNode n = collector.messages.get(0).get("zoneLocationEventNotification");
        assertThat(n.get("zoneId").asText()).isEqualTo("zone-b");
        assertThat(n.get("userLocationEvent").asText()).isEqualTo("ENTERING_AREA_EVENT");
        assertConformsTo("LocationAPI.yaml", "ZoneLocationEventNotification", n);
    }

    @Test
    void ams_subscription_with_websocket_gets_its_test_notification_over_it() {
        TestHttp.Answer created = TestHttp.post(mec.url("/amsi/v1/subscriptions"), """
                {"subscriptionType": "MobilityProcedureSubscription", "requestTestNotification": true,
                 "websockNotifConfig": {"requestWebsocketUri": true}, "filterCriteria": {}}""");
        assertThat(created.status()).isEqualTo(201);
        assertConformsTo("MEC021_AppMobilityService.yaml", "MobilityProcedureSubscription", created.json());
        Collector collector = new Collector();
        connect(created.json().at("/websockNotifConfig/websocketUri").asText(), collector);

        await().until(() -> !collector.ofType("TestNotification").isEmpty());
        assertThat(collector.ofType("TestNotification").get(0).at("/_links/subscription/href").asText())
                .isEqualTo(created.header("Location").orElseThrow());
    }

    @Test
    void a_subscription_without_callback_or_websocket_request_is_refused() {
        TestHttp.Answer refused = TestHttp.post(mec.url("/rni/v2/subscriptions"), """
                {"subscriptionType": "CellChangeSubscription", "websockNotifConfig": {"requestWebsocketUri": false},
                 "filterCriteriaAssocHo": {}}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("requestWebsocketUri");
        assertThat(TestHttp.get(mec.url("/rni/v2/subscriptions")).json().at("/_links/subscription")).isEmpty();

        Collector collector = new Collector();
        assertThat(http.newWebSocketBuilder().buildAsync(URI.create(mec.url("/notifications/ws/nope")
                .replace("http:", "ws:")), collector).handle((ws, e) -> e != null || awaitClosed(collector)).join())
                .isTrue();
    }

    private static boolean awaitClosed(Collector collector) {
        await().untilTrue(collector.closed);
        return true;
    }
}

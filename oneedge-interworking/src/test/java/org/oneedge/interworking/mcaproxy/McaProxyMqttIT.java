package org.oneedge.interworking.mcaproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.binding.mqtt.MqttBindingConfig;
import org.oneedge.binding.mqtt.MqttBindingServer;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBroker;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBrokerConfig;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.connection.MqttConnectionConfig;
import org.oneedge.interworking.CseTestbed;

/**
 * The Mca proxy's MQTT side over a real (embedded) broker: a device publishing TS-0010 primitives to the proxy reaches
 * an HTTP registrar, and an HTTP device reaches a registrar that only listens on MQTT.
 */
class McaProxyMqttIT {

    private static final String TOKEN = "mqtt-proxy-token";
    private static final String DEVICE = "Cmqttdev";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedMqttBroker broker;
    private CseTestbed cse;
    private McaProxy proxy;
    private MqttConnection device;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger rqi = new AtomicInteger();

    @BeforeAll
    static void givenABroker() {
        broker = EmbeddedMqttBroker.start(EmbeddedMqttBrokerConfig.onFreePort());
    }

    @AfterAll
    static void stopTheBroker() {
        broker.close();
    }

    @BeforeEach
    void givenACseAndAProxyTakingMqttRequests() throws Exception {
        cse = CseTestbed.start();
        proxy = new McaProxy(McaProxyConfig.builder().registrarCseId(CseTestbed.CSE_ID).registrarPoa(cse.baseUrl())
                .httpPort(-1).mqttBrokerUrl(broker.url()).tokens(Set.of(TOKEN)).build()).start();
        device = new MqttConnection(new MqttConnectionConfig(BrokerAddress.parse(broker.url()),
                "device-" + UUID.randomUUID(), null, null, null, null, null, null));
        var ack = device.subscribe("/oneM2M/resp/" + DEVICE + "/+/json", 1, (topic, payload) -> {
            try {
                JsonNode rsp = JSON.readTree(payload);
                CompletableFuture<JsonNode> f = pending.remove(rsp.path("rqi").asText());
                if (f != null) {
                    f.complete(rsp);
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        device.start();
        ack.get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void tearDown() {
        device.close();
        proxy.close();
        cse.close();
    }

    @Test
    void relays_a_devices_mqtt_registration_and_retrieve_to_an_http_registrar() throws Exception {
        JsonNode created = request(primitive(1, CseTestbed.CSE_BASE, 2,
                "{\"m2m:ae\":{\"rn\":\"mqttdev\",\"api\":\"Nmy.device\",\"rr\":true,\"srv\":[\"3\"]}}"), TOKEN);
        assertThat(created.path("rsc").asInt()).isEqualTo(2001);
        assertThat(created.at("/pc/m2m:ae/aei").asText()).isEqualTo(DEVICE);
        assertThat(created.path("fr").asText()).isEqualTo(CseTestbed.CSE_ID);

        JsonNode retrieved = request(primitive(2, CseTestbed.CSE_BASE + "/mqttdev", null, null), TOKEN);

        assertThat(retrieved.path("rsc").asInt()).isEqualTo(2000);
        assertThat(retrieved.at("/pc/m2m:ae/rn").asText()).isEqualTo("mqttdev");
    }

    @Test
    void refuses_an_mqtt_request_without_the_proxy_token() throws Exception {
        JsonNode refused = request(primitive(2, CseTestbed.CSE_BASE, null, null), null);

        assertThat(refused.path("rsc").asInt()).isEqualTo(4103);
        assertThat(refused.at("/pc/m2m:dbg").asText()).contains("proxy token");
    }

    @Test
    void refuses_a_malformed_primitive_with_a_debug_message() throws Exception {
        ObjectNode bad = primitive(2, CseTestbed.CSE_BASE, null, null);
        bad.put("op", 9);

        JsonNode refused = request(bad, TOKEN);

        assertThat(refused.path("rsc").asInt()).isEqualTo(4000);
        assertThat(refused.at("/pc/m2m:dbg").asText()).isNotBlank();
    }

    @Test
    void relays_http_requests_to_a_registrar_that_listens_only_on_mqtt() throws Exception {
        try (MqttBindingServer cseOnMqtt = MqttBindingServer.builder().config(MqttBindingConfig.builder()
                .brokerUrl(broker.url()).cseId(CseTestbed.CSE_ID).build()).cseClient(cse.cse).build();
             McaProxy httpToMqtt = startHttpProxyTo(broker.url())) {
            cseOnMqtt.start();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest register = HttpRequest.newBuilder(URI.create(httpToMqtt.httpUrl().orElseThrow() + "/"
                            + CseTestbed.CSE_BASE))
                    .header("X-M2M-Origin", "Chttpdev").header("X-M2M-RI", "h1").header("X-M2M-RVI", "3")
                    .header("X-OneEdge-Proxy-Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json;ty=2")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"m2m:ae\":{\"rn\":\"httpdev\",\"api\":\"Nmy.device\",\"rr\":true,\"srv\":[\"3\"]}}"))
                    .build();

            HttpResponse<String> r = http.send(register, HttpResponse.BodyHandlers.ofString());

            assertThat(r.headers().firstValue("X-M2M-RSC")).hasValue("2001");
            assertThat(JSON.readTree(r.body()).at("/m2m:ae/aei").asText()).isEqualTo("Chttpdev");
            assertThat(cse.cse.send(org.oneedge.model.Request.builder().operation(org.oneedge.model.Operation.RETRIEVE)
                    .to(CseTestbed.CSE_BASE + "/httpdev").from("CAdmin").requestId("chk").releaseVersion("3")
                    .build()).isSuccess()).isTrue();
        }
    }

    @Test
    void answers_target_not_reachable_when_no_registrar_answers_on_mqtt() throws Exception {
        try (McaProxy toNobody = new McaProxy(McaProxyConfig.builder().registrarCseId("/id-gone")
                .registrarPoa(broker.url()).httpHost("127.0.0.1").tokens(Set.of(TOKEN))
                .forwardTimeout(java.time.Duration.ofSeconds(1)).build()).start()) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(toNobody.httpUrl().orElseThrow() + "/cse-gone"))
                    .header("X-M2M-Origin", "Chttpdev").header("X-M2M-RI", "g1").header("X-M2M-RVI", "3")
                    .header("X-OneEdge-Proxy-Authorization", "Bearer " + TOKEN).GET().build();

            HttpResponse<String> r = HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString());

            assertThat(r.headers().firstValue("X-M2M-RSC")).hasValue("5103");
            assertThat(JSON.readTree(r.body()).get("m2m:dbg").asText()).contains("/id-gone");
        }
    }

    private McaProxy startHttpProxyTo(String registrarBroker) {
        return new McaProxy(McaProxyConfig.builder().registrarCseId(CseTestbed.CSE_ID).registrarPoa(registrarBroker)
                .httpHost("127.0.0.1").tokens(Set.of(TOKEN)).build()).start();
    }

    private ObjectNode primitive(int op, String to, Integer ty, String content) throws Exception {
        ObjectNode p = JSON.createObjectNode().put("op", op).put("to", to).put("fr", DEVICE)
                .put("rqi", "m" + rqi.incrementAndGet()).put("rvi", "3");
        if (ty != null) {
            p.put("ty", ty);
        }
        if (content != null) {
            p.set("pc", JSON.readTree(content));
        }
        return p;
    }

    private JsonNode request(ObjectNode primitive, String token) throws Exception {
        if (token != null) {
            primitive.put("proxyAuthorization", "Bearer " + token);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(primitive.path("rqi").asText(), answer);
        device.publish("/oneM2M/req/" + DEVICE + "/" + proxy.config().mqttReceiverId() + "/json",
                JSON.writeValueAsString(primitive).getBytes(StandardCharsets.UTF_8), 1).get(5, TimeUnit.SECONDS);
        return answer.get(10, TimeUnit.SECONDS);
    }
}

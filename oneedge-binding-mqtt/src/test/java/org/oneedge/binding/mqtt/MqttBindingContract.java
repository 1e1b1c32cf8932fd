package org.oneedge.binding.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.primitive.PrimitiveCodec;
import org.oneedge.binding.mqtt.primitive.Serialization;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The MQTT binding's behaviour on a real broker; each subclass supplies the broker (embedded Moquette, external
 * Mosquitto). Ids are unique per test so that tests never see each other's messages on a shared broker.
 */
abstract class MqttBindingContract {
    static final ObjectMapper JSON = new ObjectMapper();
    static final PrimitiveCodec CODEC = new PrimitiveCodec();

    final RecordingCse cse = new RecordingCse();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String cseId = "/id-in-" + run;
    final String ownLevel = "id-in-" + run;
    MqttBindingServer server;
    MqttRemoteSender sender;
    TopicRecorder peer;

    abstract String brokerUrl();

    MqttBindingConfig.Builder serverConfig() {
        return MqttBindingConfig.builder().brokerUrl(brokerUrl()).cseId(cseId)
                .reconnectInitialDelay(Duration.ofMillis(50)).reconnectMaxDelay(Duration.ofMillis(300))
                .connectTimeout(Duration.ofSeconds(3)).requestTimeout(Duration.ofSeconds(3));
    }

    @BeforeEach
    void startServer() {
        server = MqttBindingServer.builder().config(serverConfig().build()).cseClient(cse).build();
        server.start();
        peer = new TopicRecorder(brokerUrl(), "test-peer-" + run);
    }

    @AfterEach
    void stopAll() {
        if (sender != null) {
            sender.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    MqttRemoteSender senderFor(String senderCseId, Serialization serialization, Duration timeout) {
        sender = MqttRemoteSender.builder().config(MqttBindingConfig.builder().brokerUrl(brokerUrl())
                .cseId(senderCseId).serialization(serialization).requestTimeout(timeout)
                .connectTimeout(Duration.ofSeconds(3)).build()).build();
        return sender;
    }

    String pointOfAccess() {
        BrokerAddress b = BrokerAddress.parse(brokerUrl());
        return "mqtt://" + b.host() + ":" + b.port();
    }

    static Request fullRequest(String to, String from) throws Exception {
        return Request.builder()
                .operation(Operation.RETRIEVE).to(to).from(from).requestId("rqi-" + UUID.randomUUID())
                .resourceType(3).releaseVersion("4").resultContent(5)
                .content(JSON.readTree("{\"m2m:cnt\":{\"rn\":\"cnt1\",\"mni\":10,\"lbl\":[\"a\",\"b\"]}}"))
                .filterCriteria(new FilterCriteria(1, 2, List.of(3, 4), List.of("key:val"), List.of("cnt1"),
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00.5Z"),
                        Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), 9, 1,
                        Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"), 10L, 1000L,
                        List.of("text/plain"), 50, 2, 3, "la", Map.of("cr", "CAdmin")))
                .desiredIdentifierResultType(2).responseType(3).responseTargets(List.of("/id-mn/CAE9"))
                .resultPersistence("PT1M").eventCategory("3").originatingTimestamp("20260101T000000")
                .requestExpirationTimestamp("20991231T235959").resultExpirationTimestamp("20991231T235959")
                .operationExecutionTime("20260101T000001").vendorInformation("vendor-x").groupRequestIdentifier("g1")
                .attributeList(List.of("rn", "lbl")).tokens(List.of("tok1"))
                .build();
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void carries_every_primitive_field_to_the_cse_and_back(Serialization serialization) throws Exception {
        JsonNode pc = JSON.readTree("{\"m2m:cnt\":{\"rn\":\"cnt1\",\"cni\":0}}");
        cse.answering(r -> new Response(ResponseStatusCode.OK, r.requestId(), pc, cseId, r.from(), "4", null, 1, 7,
                "20260101T000002"));
        Request request = fullRequest(cseId + "/cse-in/cnt1", "/id-mn-" + run);

        Response response = senderFor("/id-mn-" + run, serialization, Duration.ofSeconds(3))
                .send(pointOfAccess(), request);

        assertThat(cse.received).containsExactly(request);
        assertThat(response).isEqualTo(new Response(ResponseStatusCode.OK, request.requestId(), pc, cseId,
                "/id-mn-" + run, "4", null, 1, 7, "20260101T000002"));
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void registers_an_ae_over_reg_req_and_answers_on_reg_resp(Serialization serialization) throws Exception {
        cse.answering(r -> Response.of(ResponseStatusCode.CREATED,
                JSON.createObjectNode().set("m2m:ae", JSON.createObjectNode().put("aei", "CAE" + run))));
        peer.subscribe("/oneM2M/reg_req/#").subscribe("/oneM2M/reg_resp/#");
        String credential = "cred-" + run;
        try (MqttCseClient ae = MqttCseClient.builder().config(MqttCseClientConfig.builder().brokerUrl(brokerUrl())
                .cseId(cseId).clientId("A::ae-" + run).credentialId(credential).serialization(serialization)
                .requestTimeout(Duration.ofSeconds(3)).build()).build().start()) {

            Response response = ae.send(Request.builder().operation(Operation.CREATE).to(cseId + "/cse-in")
                    .resourceType(2).releaseVersion("3").requestId("reg-" + run)
                    .content(JSON.readTree("{\"m2m:ae\":{\"api\":\"Nsensor\",\"rr\":true,\"srv\":[\"3\"]}}"))
                    .build());

            assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            assertThat(response.requestId()).isEqualTo("reg-" + run);
            assertThat(response.content().at("/m2m:ae/aei").asText()).isEqualTo("CAE" + run);
            String suffix = "/" + credential + "/" + ownLevel + "/" + serialization.topicSuffix();
            await().untilAsserted(() -> assertThat(peer.on("/oneM2M/reg_req" + suffix)).hasSize(1));
            await().untilAsserted(() -> assertThat(peer.on("/oneM2M/reg_resp" + suffix)).hasSize(1));
            assertThat(cse.received).singleElement().satisfies(r -> assertThat(r.from()).isNull());
        }
    }

    @Test
    void refuses_reg_req_that_is_not_an_ae_or_remote_cse_create() throws Exception {
        String topic = "/oneM2M/reg_req/cred-" + run + "/" + ownLevel + "/json";
        String respTopic = "/oneM2M/reg_resp/cred-" + run + "/" + ownLevel + "/json";
        peer.subscribe(respTopic);
        Request notARegistration = Request.builder().operation(Operation.CREATE).to(cseId + "/cse-in")
                .resourceType(3).requestId("r1").releaseVersion("3").build();

        peer.publish(topic, CODEC.encodeRequest(notARegistration, Serialization.JSON));

        Response response = awaitResponse(respTopic, Serialization.JSON);
        assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(response.requestId()).isEqualTo("r1");
        assertThat(response.debugMessage()).contains("reg_req");
        assertThat(cse.received).isEmpty();
    }

    @Test
    void answers_an_expired_request_with_4008_without_asking_the_cse() throws Exception {
        String topic = "/oneM2M/req/CAE1-" + run + "/" + ownLevel + "/json";
        String respTopic = "/oneM2M/resp/CAE1-" + run + "/" + ownLevel + "/json";
        peer.subscribe(respTopic);
        Request expired = Request.builder().operation(Operation.RETRIEVE).to(cseId + "/cse-in").from("CAE1")
                .requestId("old").releaseVersion("3").requestExpirationTimestamp("20200101T000000").build();

        peer.publish(topic, CODEC.encodeRequest(expired, Serialization.JSON));

        Response response = awaitResponse(respTopic, Serialization.JSON);
        assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
        assertThat(response.requestId()).isEqualTo("old");
        assertThat(cse.received).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Serialization.class)
    void answers_a_malformed_payload_with_4000_on_the_response_topic(Serialization serialization) throws Exception {
        String suffix = "/CAE2-" + run + "/" + ownLevel + "/" + serialization.topicSuffix();
        peer.subscribe("/oneM2M/resp" + suffix);
        byte[] garbage = serialization == Serialization.JSON ? "{\"op\":1,\"to\":".getBytes(StandardCharsets.UTF_8)
                : new byte[] {(byte) 0xff, 0x00, 0x13};

        peer.publish("/oneM2M/req" + suffix, garbage);

        Response response = awaitResponse("/oneM2M/resp" + suffix, serialization);
        assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(response.debugMessage()).isNotBlank();
        assertThat(cse.received).isEmpty();
    }

    @Test
    void answers_a_primitive_without_to_with_4000_echoing_rqi() throws Exception {
        String suffix = "/CAE3-" + run + "/" + ownLevel + "/json";
        peer.subscribe("/oneM2M/resp" + suffix);

        peer.publish("/oneM2M/req" + suffix, "{\"op\":2,\"rqi\":\"x9\",\"rvi\":\"3\"}".getBytes(StandardCharsets.UTF_8));

        Response response = awaitResponse("/oneM2M/resp" + suffix, Serialization.JSON);
        assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(response.requestId()).isEqualTo("x9");
        assertThat(response.debugMessage()).contains("to is mandatory");
    }

    @Test
    void sends_no_response_when_the_request_asks_for_none() throws Exception {
        String suffix = "/CAE4-" + run + "/" + ownLevel + "/json";
        peer.subscribe("/oneM2M/resp" + suffix);
        Request silent = Request.builder().operation(Operation.NOTIFY).to(cseId).from("CAE4").requestId("silent")
                .releaseVersion("3").responseType(5).build();
        Request normal = silent.toBuilder().requestId("normal").responseType(null).build();

        peer.publish("/oneM2M/req" + suffix, CODEC.encodeRequest(silent, Serialization.JSON));
        await().until(() -> cse.received.size() == 1);
        peer.publish("/oneM2M/req" + suffix, CODEC.encodeRequest(normal, Serialization.JSON));

        assertThat(awaitResponse("/oneM2M/resp" + suffix, Serialization.JSON).requestId()).isEqualTo("normal");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> peer.on("/oneM2M/resp" + suffix).size() == 1);
    }

    @Test
    void delivers_a_notification_to_the_topic_of_an_mqtt_nu() throws Exception {
        String topic = "/notify-" + run + "/some/topic";
        peer.subscribe(topic);
        Request notify = Request.builder().operation(Operation.NOTIFY).to("/id-in/CAE5").from(cseId)
                .requestId("n1").releaseVersion("3")
                .content(JSON.readTree("{\"m2m:sgn\":{\"nev\":{\"rep\":{\"m2m:cin\":{\"con\":\"21\"}},\"net\":3},"
                        + "\"sur\":\"/id-in/sub1\"}}"))
                .build();

        Response response = senderFor(cseId + "-sender", Serialization.JSON, Duration.ofSeconds(3))
                .send(pointOfAccess() + topic, notify);

        assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.OK);
        await().untilAsserted(() -> assertThat(peer.on(topic)).hasSize(1));
        assertThat(CODEC.decodeRequest(peer.on(topic).get(0).payload(), Serialization.JSON)).isEqualTo(notify);
    }

    @Test
    void times_out_with_4008_when_no_cse_answers() throws Exception {
        Request request = Request.builder().operation(Operation.RETRIEVE).to("/id-nobody-" + run + "/cse")
                .from(cseId).requestId("lost").releaseVersion("3").build();

        Response response = senderFor(cseId + "-sender", Serialization.JSON, Duration.ofMillis(300))
                .send(pointOfAccess(), request);

        assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
        assertThat(response.requestId()).isEqualTo("lost");
    }

    Response awaitResponse(String topic, Serialization serialization) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !peer.on(topic).isEmpty());
        return CODEC.decodeResponse(peer.on(topic).get(0).payload(), serialization);
    }
}

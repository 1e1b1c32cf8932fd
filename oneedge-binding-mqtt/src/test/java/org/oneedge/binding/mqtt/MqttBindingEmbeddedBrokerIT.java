package org.oneedge.binding.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBroker;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBrokerConfig;
import org.oneedge.binding.mqtt.primitive.Serialization;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** The MQTT binding contract on the embedded Moquette broker, plus what needs a broker the test can stop. */
class MqttBindingEmbeddedBrokerIT extends MqttBindingContract {
    static EmbeddedMqttBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedMqttBroker.start(EmbeddedMqttBrokerConfig.onFreePort());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Override
    String brokerUrl() {
        return broker.url();
    }

    @Test
    void resubscribes_and_serves_again_after_the_broker_restarts_on_the_same_port() {
        int port = broker.port();
        Request ping = Request.builder().operation(Operation.RETRIEVE).to(cseId + "/cse-in").from("/id-mn-" + run)
                .releaseVersion("3").build();
        MqttRemoteSender client = senderFor("/id-mn-" + run, Serialization.JSON, Duration.ofMillis(500));
        assertThat(client.send(pointOfAccess(), ping).statusCode()).isEqualTo(ResponseStatusCode.OK);

        broker.close();
        await().until(() -> !server.connection().isConnected());
        broker = EmbeddedMqttBroker.start(EmbeddedMqttBrokerConfig.onFreePort().withPort(port));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response response = client.send(pointOfAccess(), ping);
            assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.OK);
        });
        assertThat(cse.received).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void starts_before_its_broker_and_serves_once_the_broker_is_up() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "tcp://127.0.0.1:" + port;
        RecordingCse lateCse = new RecordingCse();
        try (MqttBindingServer early = MqttBindingServer.builder().cseClient(lateCse).config(serverConfig()
                .brokerUrl(url).cseId(cseId + "-early").connectTimeout(Duration.ofMillis(200)).build()).build()) {
            early.start();
            assertThat(early.connection().isConnected()).isFalse();

            try (EmbeddedMqttBroker late = EmbeddedMqttBroker.start(EmbeddedMqttBrokerConfig.onFreePort().withPort(port));
                 MqttCseClient ae = MqttCseClient.builder().config(MqttCseClientConfig.builder().brokerUrl(url)
                         .cseId(cseId + "-early").clientId("A::late-" + run).requestTimeout(Duration.ofMillis(500))
                         .build()).build().start()) {
                Request ping = Request.builder().operation(Operation.RETRIEVE).to(cseId + "-early/cse-in")
                        .from("CAE" + run).releaseVersion("3").build();
                assertThat(late.port()).isEqualTo(port);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(ae.send(ping).statusCode()).isEqualTo(ResponseStatusCode.OK));
                assertThat(lateCse.received).isNotEmpty();
            }
        }
    }

    @Test
    void lets_an_ae_receive_notifications_on_the_session_it_registered_with() throws Exception {
        String aeId = "/" + ownLevel + "/CAE" + run;
        try (MqttCseClient ae = MqttCseClient.builder().config(MqttCseClientConfig.builder().brokerUrl(brokerUrl())
                     .cseId(cseId).clientId("A::CAE" + run).build()).build().start();
             MqttBindingServer receiver = MqttBindingServer.builder().connection(ae.connection())
                     .config(serverConfig().cseId(aeId).clientId("A::CAE" + run).build())
                     .cseClient(n -> Response.of(ResponseStatusCode.OK, null)).build()) {
            receiver.start();
            MqttRemoteSender cseSender = MqttRemoteSender.builder().config(server.config())
                    .connection(server.connection()).build();
            Request notify = Request.builder().operation(Operation.NOTIFY).to(aeId).from(cseId).releaseVersion("3")
                    .content(JSON.readTree("{\"m2m:sgn\":{\"vrq\":true,\"sur\":\"/id-in/sub\"}}")).build();

            Response response = cseSender.send(pointOfAccess(), notify);

            assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.OK);
            assertThat(response.from()).isEqualTo(aeId);
            assertThat(ae.send(Request.builder().operation(Operation.RETRIEVE).to(cseId + "/cse-in").from(aeId)
                    .releaseVersion("3").build()).statusCode()).isEqualTo(ResponseStatusCode.OK);
        }
    }

    @Test
    void serves_under_a_topic_prefix_given_as_the_path_of_the_point_of_access() {
        String prefix = "/edge-" + run;
        try (MqttBindingServer prefixed = MqttBindingServer.builder().cseClient(cse)
                .config(serverConfig().cseId(cseId + "-p").topicPrefix(prefix).build()).build()) {
            prefixed.start();
            Request ping = Request.builder().operation(Operation.RETRIEVE).to(cseId + "-p/cse-in")
                    .from("/id-mn-" + run).requestId("p1").releaseVersion("3").build();

            Response response = senderFor("/id-mn-" + run, Serialization.CBOR, Duration.ofSeconds(3))
                    .send(pointOfAccess() + prefix, ping);

            assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.OK);
            assertThat(response.from()).isEqualTo(cseId + "-p");
            assertThat(cse.received).singleElement().isEqualTo(ping);
        }
    }

    @Test
    void reports_5103_when_the_broker_of_a_point_of_access_is_unreachable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        sender = MqttRemoteSender.builder().config(MqttBindingConfig.builder().brokerUrl(brokerUrl()).cseId(cseId)
                .connectTimeout(Duration.ofMillis(300)).build()).build();
        Request request = Request.builder().operation(Operation.RETRIEVE).to("/id-x/cse").from(cseId)
                .requestId("u1").build();

        Response response = sender.send("mqtt://127.0.0.1:" + closedPort, request);

        assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.TARGET_NOT_REACHABLE);
        assertThat(response.requestId()).isEqualTo("u1");
    }
}

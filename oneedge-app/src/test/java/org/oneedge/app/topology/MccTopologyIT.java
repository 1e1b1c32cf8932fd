package org.oneedge.app.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneedge.app.config.ConfigKey;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.config.NodeConfigLoader;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.binding.http.HttpNotificationReceiver;
import org.oneedge.binding.mqtt.MqttCseClient;
import org.oneedge.binding.mqtt.MqttCseClientConfig;
import org.oneedge.cse.remote.CseRegistrar;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * IN-CSE and two MN-CSEs in one JVM on free ports, over real HTTP and an embedded MQTT broker: registration on both
 * sides, restart without duplicate, a retrieve MN1 -> IN -> MN2, a subscription on MN2 notifying an AE on MN1.
 */
class MccTopologyIT {

    private static final AtomicLong RQI = new AtomicLong();

    @TempDir
    Path dataDir;

    private NodeConfig base() {
        return new NodeConfigLoader().flags(Map.of(ConfigKey.HTTP_PORT, "0", ConfigKey.STORE, "memory",
                ConfigKey.DATA_DIR, dataDir.toString(), ConfigKey.LOG_LEVEL, "WARN",
                ConfigKey.REGISTRAR_DEREGISTER, "false")).load();
    }

    private static Request.Builder request(Operation op, String to, String from) {
        return Request.builder().operation(op).to(to).from(from).releaseVersion("3").requestId("it" + RQI.incrementAndGet());
    }

    private static Response create(CseClient cse, String parent, String from, ResourceType type, String json) {
        return cse.send(request(Operation.CREATE, parent, from).resourceType(type).content(ContentCodec.parse(json)).build());
    }

    private static String dbg(Response r) {
        return r.content() == null ? "" : r.content().path("m2m:dbg").asText();
    }

    @Test
    void mn_cses_register_forward_and_notify_across_the_in_cse() throws Exception {
        try (Topology topology = Topology.start(base(), 1, true)) {
            OneEdgeNode in = topology.nodes().get(0);
            OneEdgeNode mn1 = topology.nodes().get(1);
            String inMqtt = in.pointsOfAccess().stream().filter(u -> u.startsWith("mqtt://")).findFirst().orElseThrow();
            NodeConfig mn2Config = in.config().asNode("/id-mn2", "cse-mn2", NodeConfig.CseKind.MN, 0,
                    dataDir.resolve("id-mn2")).withRegistrar("/id-in", "cse-in", List.of(inMqtt)); // Mcc over MQTT
            OneEdgeNode mn2 = OneEdgeNode.start(mn2Config);
            try (HttpCseClient inHttp = new HttpCseClient(in.httpUrl());
                 HttpCseClient mn1Http = new HttpCseClient(mn1.httpUrl())) {
                await().atMost(Duration.ofSeconds(20)).until(() -> mn1.registrationState() == CseRegistrar.State.REGISTERED
                        && mn2.registrationState() == CseRegistrar.State.REGISTERED);

                // registration on both sides, read over HTTP
                Response csrMn1 = inHttp.send(request(Operation.RETRIEVE, "/id-in/id-mn1", "CAdmin").build());
                assertThat(csrMn1.statusCode()).as(dbg(csrMn1)).isEqualTo(ResponseStatusCode.OK);
                assertThat(csrMn1.content().path("m2m:csr").path("csi").asText()).isEqualTo("/id-mn1");
                assertThat(csrMn1.content().path("m2m:csr").path("poa").toString()).contains(mn1.httpUrl(), "mqtt://");
                Response csrIn = mn1Http.send(request(Operation.RETRIEVE, "/id-mn1/id-in", "CAdmin").build());
                assertThat(csrIn.statusCode()).as(dbg(csrIn)).isEqualTo(ResponseStatusCode.OK);
                assertThat(csrIn.content().path("m2m:csr").path("cst").asInt()).isEqualTo(1);
                assertThat(in.cse().send(request(Operation.RETRIEVE, "id-mn2", "CAdmin").build()).statusCode())
                        .isEqualTo(ResponseStatusCode.OK);

                // data on MN2 readable by an AE on MN1 (ACP at MN2 names /id-mn1/CAE1)
                HttpNotificationReceiver receiver = new HttpNotificationReceiver();
                receiver.start();
                try {
                    assertThat(create(mn1.cse(), "cse-mn1", "CAE1", ResourceType.AE, "{\"m2m:ae\":{\"rn\":\"CAE1\","
                            + "\"api\":\"Nreader\",\"rr\":true,\"srv\":[\"3\"],\"poa\":[\"" + receiver.url() + "\"]}}")
                            .statusCode()).isEqualTo(ResponseStatusCode.CREATED);
                    assertThat(create(mn2.cse(), "cse-mn2", "CAE2", ResourceType.AE, "{\"m2m:ae\":{\"rn\":\"CAE2\","
                            + "\"api\":\"Nsensor\",\"rr\":true,\"srv\":[\"3\"]}}").statusCode())
                            .isEqualTo(ResponseStatusCode.CREATED);
                    Response acp = create(mn2.cse(), "cse-mn2", "CAdmin", ResourceType.ACCESS_CONTROL_POLICY,
                            "{\"m2m:acp\":{\"rn\":\"shared\",\"pv\":{\"acr\":[{\"acor\":[\"/id-mn1/CAE1\",\"CAE2\"],"
                                    + "\"acop\":63}]},\"pvs\":{\"acr\":[{\"acor\":[\"CAdmin\"],\"acop\":63}]}}}");
                    String acpi = acp.content().path("m2m:acp").path("ri").asText();
                    assertThat(create(mn2.cse(), "cse-mn2/CAE2", "CAE2", ResourceType.CONTAINER,
                            "{\"m2m:cnt\":{\"rn\":\"temp\",\"acpi\":[\"" + acpi + "\"]}}").statusCode())
                            .isEqualTo(ResponseStatusCode.CREATED);
                    create(mn2.cse(), "cse-mn2/CAE2/temp", "CAE2", ResourceType.CONTENT_INSTANCE,
                            "{\"m2m:cin\":{\"con\":\"20.0\"}}");

                    // forwarded retrieve MN1 -> IN -> MN2 over HTTP
                    Response la = mn1Http.send(request(Operation.RETRIEVE, "/id-mn2/cse-mn2/CAE2/temp/la", "CAE1").build());
                    assertThat(la.statusCode()).as(dbg(la)).isEqualTo(ResponseStatusCode.OK);
                    assertThat(la.content().path("m2m:cin").path("con").asText()).isEqualTo("20.0");

                    // the same retrieve handed to MN1 over MQTT
                    String brokerUrl = "tcp://" + inMqtt.substring("mqtt://".length());
                    try (MqttCseClient mqtt = MqttCseClient.builder().config(MqttCseClientConfig.builder()
                            .brokerUrl(brokerUrl).cseId("/id-mn1").clientId("CAE1").build()).build().start()) {
                        Response overMqtt = mqtt.send(request(Operation.RETRIEVE, "/id-mn2/cse-mn2/CAE2/temp/la", "CAE1")
                                .build());
                        assertThat(overMqtt.statusCode()).as(dbg(overMqtt)).isEqualTo(ResponseStatusCode.OK);
                        assertThat(overMqtt.content().path("m2m:cin").path("con").asText()).isEqualTo("20.0");
                    }

                    // subscription on MN2 (created through forwarding) notifies the AE on MN1 through the IN
                    Response sub = mn1Http.send(request(Operation.CREATE, "/id-mn2/cse-mn2/CAE2/temp", "CAE1")
                            .resourceType(ResourceType.SUBSCRIPTION).content(ContentCodec.parse(
                                    "{\"m2m:sub\":{\"rn\":\"s1\",\"nu\":[\"/id-mn1/CAE1\"],\"enc\":{\"net\":[3]}}}"))
                            .build());
                    assertThat(sub.statusCode()).as(dbg(sub)).isEqualTo(ResponseStatusCode.CREATED);
                    create(mn2.cse(), "cse-mn2/CAE2/temp", "CAE2", ResourceType.CONTENT_INSTANCE,
                            "{\"m2m:cin\":{\"con\":\"22.5\"}}");
                    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.notifications().stream()
                            .anyMatch(n -> n.content() != null && n.content().toString().contains("22.5")));
                } finally {
                    receiver.close();
                }

                // MN2 restarts (no deregistration): its registration is updated, not duplicated
                String oldUrl = mn2.httpUrl();
                mn2.close();
                OneEdgeNode mn2Again = OneEdgeNode.start(mn2Config);
                try {
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> mn2Again.registrationState() == CseRegistrar.State.REGISTERED);
                    Response csrMn2 = in.cse().send(request(Operation.RETRIEVE, "id-mn2", "CAdmin").build());
                    assertThat(csrMn2.content().path("m2m:csr").path("poa").toString())
                            .contains(mn2Again.httpUrl()).doesNotContain(oldUrl);
                    Response list = in.cse().send(request(Operation.RETRIEVE, "cse-in", "CAdmin").resultContent(6).build());
                    assertThat(list.content().toString().split("\"typ\":16", -1)).hasSize(3); // id-mn1 and id-mn2 only
                } finally {
                    mn2Again.close();
                }
            }
        }
    }

    @Test
    void an_mn_cse_the_in_cse_cannot_reach_registers_with_rr_false_and_is_reached_by_polling() throws Exception {
        try (Topology topology = Topology.start(base(), 0, false)) {
            OneEdgeNode in = topology.nodes().get(0);
            NodeConfig hidden = new NodeConfigLoader().flags(Map.of(ConfigKey.HTTP_PORT, "0", ConfigKey.STORE,
                    "memory", ConfigKey.DATA_DIR, dataDir.resolve("id-mn9").toString(), ConfigKey.LOG_LEVEL, "WARN",
                    ConfigKey.REGISTRAR_DEREGISTER, "false", ConfigKey.REGISTRAR_REQUEST_REACHABLE, "false")).load()
                    .asNode("/id-mn9", "cse-mn9", NodeConfig.CseKind.MN, 0, dataDir.resolve("id-mn9"))
                    .withRegistrar("/id-in", "cse-in", List.of(in.httpUrl()));
            assertThat(hidden.registrarRequestReachable()).isFalse();
            try (OneEdgeNode mn9 = OneEdgeNode.start(hidden);
                 HttpCseClient inHttp = new HttpCseClient(in.httpUrl())) {
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> mn9.registrationState() == CseRegistrar.State.REGISTERED);
                Response csr = inHttp.send(request(Operation.RETRIEVE, "/id-in/id-mn9", "CAdmin").build());
                assertThat(csr.statusCode()).as(dbg(csr)).isEqualTo(ResponseStatusCode.OK);
                assertThat(csr.content().path("m2m:csr").path("rr").asBoolean(true)).isFalse();

                // data on the hidden MN-CSE, readable and writable by /id-in/CReader
                Response acp = create(mn9.cse(), "cse-mn9", "CAdmin", ResourceType.ACCESS_CONTROL_POLICY,
                        "{\"m2m:acp\":{\"rn\":\"open\",\"pv\":{\"acr\":[{\"acor\":[\"/id-in/CReader\"],"
                                + "\"acop\":63}]},\"pvs\":{\"acr\":[{\"acor\":[\"CAdmin\"],\"acop\":63}]}}}");
                String acpi = acp.content().path("m2m:acp").path("ri").asText();
                assertThat(create(mn9.cse(), "cse-mn9", "CAdmin", ResourceType.CONTAINER,
                        "{\"m2m:cnt\":{\"rn\":\"data\",\"acpi\":[\"" + acpi + "\"]}}").statusCode())
                        .isEqualTo(ResponseStatusCode.CREATED);

                // requests from the IN-CSE reach it through its polling channel, answers come back
                Response written = inHttp.send(request(Operation.CREATE, "/id-mn9/cse-mn9/data", "CReader")
                        .resourceType(ResourceType.CONTENT_INSTANCE)
                        .content(ContentCodec.parse("{\"m2m:cin\":{\"con\":\"7\"}}")).build());
                assertThat(written.statusCode()).as(dbg(written)).isEqualTo(ResponseStatusCode.CREATED);
                Response la = inHttp.send(request(Operation.RETRIEVE, "/id-mn9/cse-mn9/data/la", "CReader").build());
                assertThat(la.statusCode()).as(dbg(la)).isEqualTo(ResponseStatusCode.OK);
                assertThat(la.content().path("m2m:cin").path("con").asText()).isEqualTo("7");
                Response local = mn9.cse().send(request(Operation.RETRIEVE, "cse-mn9/data", "CAdmin").build());
                assertThat(local.content().path("m2m:cnt").path("cni").asInt()).isEqualTo(1);
            }
        }
    }
}

package org.oneedge.app.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.oneedge.cse.remote.CseRegistrar;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Announcement between real CSEs (digest §8.2): MN1 registered over HTTP and MN2 over MQTT announce to the IN-CSE;
 * every step is read over HTTP at the IN: copies with {@code lnk}, discovery by type and label, {@code rcn=7},
 * synchronised updates, {@code aa} changes, de-announcement by {@code at} and by deleting the original.
 */
class AnnouncementMccIT {

    private static final AtomicLong RQI = new AtomicLong();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    private static Request.Builder request(Operation op, String to, String from) {
        return Request.builder().operation(op).to(to).from(from).releaseVersion("3").requestId("an" + RQI.incrementAndGet());
    }

    private static Response create(CseClient cse, String parent, String from, ResourceType type, String json) {
        return cse.send(request(Operation.CREATE, parent, from).resourceType(type).content(ContentCodec.parse(json)).build());
    }

    private static String dbg(Response r) {
        return r.content() == null ? "" : r.content().path("m2m:dbg").asText();
    }

    private static FilterCriteria discovery(List<Integer> types, List<String> labels) {
        return new FilterCriteria(1, null, types, labels, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** The copy's address once the original's {@code at} holds it (read over HTTP). */
    private static String copyAddress(HttpCseClient mn, String original, String from) {
        String[] address = new String[1];
        await().atMost(WAIT).until(() -> {
            JsonNode at = mn.send(request(Operation.RETRIEVE, original, from).build()).content().elements().next()
                    .path("at");
            address[0] = at.isArray() && !at.isEmpty() ? at.get(0).asText() : "";
            return address[0].startsWith("/id-in/");
        });
        return address[0];
    }

    @Test
    void announced_resources_follow_their_originals_over_http_and_mqtt() {
        NodeConfig base = new NodeConfigLoader().flags(Map.of(ConfigKey.HTTP_PORT, "0", ConfigKey.STORE, "memory",
                ConfigKey.DATA_DIR, dataDir.toString(), ConfigKey.LOG_LEVEL, "WARN",
                ConfigKey.REGISTRAR_DEREGISTER, "false")).load();
        try (Topology topology = Topology.start(base, 1, true)) {
            OneEdgeNode in = topology.nodes().get(0);
            OneEdgeNode mn1 = topology.nodes().get(1);
            String inMqtt = in.pointsOfAccess().stream().filter(u -> u.startsWith("mqtt://")).findFirst().orElseThrow();
            NodeConfig mn2Config = in.config().asNode("/id-mn2", "cse-mn2", NodeConfig.CseKind.MN, 0,
                    dataDir.resolve("id-mn2")).withRegistrar("/id-in", "cse-in", List.of(inMqtt));
            try (OneEdgeNode mn2 = OneEdgeNode.start(mn2Config);
                 HttpCseClient inHttp = new HttpCseClient(in.httpUrl());
                 HttpCseClient mn1Http = new HttpCseClient(mn1.httpUrl());
                 HttpCseClient mn2Http = new HttpCseClient(mn2.httpUrl())) {
                await().atMost(WAIT).until(() -> mn1.registrationState() == CseRegistrar.State.REGISTERED
                        && mn2.registrationState() == CseRegistrar.State.REGISTERED);

                // MN1 (Mcc over HTTP): AE, container and instance announced, nested below MN1's <remoteCSE>
                Response ae = create(mn1Http, "/id-mn1/cse-mn1", "Cmeter", ResourceType.AE, "{\"m2m:ae\":{\"rn\":"
                        + "\"meter\",\"api\":\"Nmeter\",\"rr\":true,\"srv\":[\"3\"],\"at\":[\"/id-in\"]}}");
                assertThat(ae.statusCode()).as(dbg(ae)).isEqualTo(ResponseStatusCode.CREATED);
                String aeCopy = copyAddress(mn1Http, "/id-mn1/cse-mn1/meter", "Cmeter");
                Response cnt = create(mn1Http, "/id-mn1/cse-mn1/meter", "Cmeter", ResourceType.CONTAINER,
                        "{\"m2m:cnt\":{\"rn\":\"power\",\"mni\":10,\"lbl\":[\"unit/W\"],\"at\":[\"/id-in\"],"
                                + "\"aa\":[\"mni\"]}}");
                assertThat(cnt.statusCode()).as(dbg(cnt)).isEqualTo(ResponseStatusCode.CREATED);
                String cntRi = cnt.content().path("m2m:cnt").path("ri").asText();
                String cntCopy = copyAddress(mn1Http, "/id-mn1/cse-mn1/meter/power", "Cmeter");
                create(mn1Http, "/id-mn1/cse-mn1/meter/power", "Cmeter", ResourceType.CONTENT_INSTANCE,
                        "{\"m2m:cin\":{\"rn\":\"v1\",\"con\":\"42\",\"at\":[\"/id-in\"]}}");
                copyAddress(mn1Http, "/id-mn1/cse-mn1/meter/power/v1", "Cmeter");

                Response aeA = inHttp.send(request(Operation.RETRIEVE, aeCopy, "CAdmin").build());
                assertThat(aeA.content().path("m2m:aeA").path("ty").asInt()).isEqualTo(10002);
                assertThat(aeA.content().path("m2m:aeA").path("lnk").asText()).isEqualTo("/id-mn1/Cmeter");
                JsonNode cntA = inHttp.send(request(Operation.RETRIEVE, cntCopy, "CAdmin").build()).content()
                        .path("m2m:cntA");
                assertThat(cntA.path("lnk").asText()).isEqualTo("/id-mn1/" + cntRi);
                assertThat(cntA.path("mni").asInt()).isEqualTo(10);
                assertThat(cntA.path("pi").asText()).as("below the AE's copy")
                        .isEqualTo(aeA.content().path("m2m:aeA").path("ri").asText());

                // discovery at the IN-CSE by announced type and by label
                Response byType = inHttp.send(request(Operation.RETRIEVE, "/id-in/cse-in", "CAdmin")
                        .filterCriteria(discovery(List.of(10003, 10004), List.of())).build());
                assertThat(byType.content().path("m2m:uril")).as(byType.content().toString()).hasSize(2);
                Response byLabel = inHttp.send(request(Operation.RETRIEVE, "/id-in/cse-in", "CAdmin")
                        .filterCriteria(discovery(List.of(), List.of("unit/W"))).build());
                assertThat(byLabel.content().path("m2m:uril").toString()).contains(cntRi);

                // rcn=7 at the IN returns the original from MN1, read by the AE that owns it
                Response original = inHttp.send(request(Operation.RETRIEVE, cntCopy, "/id-mn1/Cmeter")
                        .resultContent(7).build());
                assertThat(original.statusCode()).as(dbg(original)).isEqualTo(ResponseStatusCode.OK);
                assertThat(original.content().path("m2m:cnt").path("ri").asText()).isEqualTo(cntRi);

                // updates of announced attributes and of aa reach the copy
                mn1Http.send(request(Operation.UPDATE, "/id-mn1/cse-mn1/meter/power", "Cmeter").content(
                        ContentCodec.parse("{\"m2m:cnt\":{\"lbl\":[\"unit/kW\"],\"mni\":20,\"mbs\":500}}")).build());
                await().atMost(WAIT).until(() -> {
                    JsonNode c = inHttp.send(request(Operation.RETRIEVE, cntCopy, "CAdmin").build()).content()
                            .path("m2m:cntA");
                    return c.path("mni").asInt() == 20 && c.path("lbl").toString().contains("unit/kW")
                            && !c.has("mbs");
                });
                mn1Http.send(request(Operation.UPDATE, "/id-mn1/cse-mn1/meter/power", "Cmeter").content(
                        ContentCodec.parse("{\"m2m:cnt\":{\"aa\":[\"mbs\"]}}")).build());
                await().atMost(WAIT).until(() -> {
                    JsonNode c = inHttp.send(request(Operation.RETRIEVE, cntCopy, "CAdmin").build()).content()
                            .path("m2m:cntA");
                    return c.path("mbs").asInt() == 500 && !c.has("mni");
                });

                // MN2 (Mcc over MQTT) announces a node with a mgmtObj
                assertThat(create(mn2Http, "/id-mn2/cse-mn2", "CAdmin", ResourceType.NODE, "{\"m2m:nod\":{\"rn\":"
                        + "\"gw\",\"ni\":\"urn:gw:2\",\"at\":[\"/id-in\"]}}").statusCode())
                        .isEqualTo(ResponseStatusCode.CREATED);
                assertThat(create(mn2Http, "/id-mn2/cse-mn2/gw", "CAdmin", ResourceType.MGMT_OBJ, "{\"m2m:bat\":"
                        + "{\"rn\":\"bat\",\"mgd\":1006,\"btl\":55,\"bts\":1,\"at\":[\"/id-in\"],\"aa\":[\"btl\"]}}")
                        .statusCode()).isEqualTo(ResponseStatusCode.CREATED);
                String batCopy = copyAddress(mn2Http, "/id-mn2/cse-mn2/gw/bat", "CAdmin");
                JsonNode batA = inHttp.send(request(Operation.RETRIEVE, batCopy, "CAdmin").build()).content()
                        .path("m2m:batA");
                assertThat(batA.path("ty").asInt()).isEqualTo(10013);
                assertThat(batA.path("btl").asInt()).isEqualTo(55);
                assertThat(batA.path("lnk").asText()).startsWith("/id-mn2/");

                // de-announcement: at emptied, then the original deleted
                mn1Http.send(request(Operation.UPDATE, "/id-mn1/cse-mn1/meter/power", "Cmeter").content(
                        ContentCodec.parse("{\"m2m:cnt\":{\"at\":[]}}")).build());
                await().atMost(WAIT).until(() -> inHttp.send(request(Operation.RETRIEVE, cntCopy, "CAdmin").build())
                        .statusCode() == ResponseStatusCode.NOT_FOUND);
                mn1Http.send(request(Operation.DELETE, "/id-mn1/cse-mn1/meter", "Cmeter").build());
                await().atMost(WAIT).until(() -> inHttp.send(request(Operation.RETRIEVE, aeCopy, "CAdmin").build())
                        .statusCode() == ResponseStatusCode.NOT_FOUND);
            }
        }
    }
}

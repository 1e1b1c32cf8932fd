package org.oneedge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneedge.app.topology.AddOnLauncher;
import org.oneedge.app.topology.AddOnSpec;
import org.oneedge.app.topology.StartedCse;
import org.oneedge.app.topology.StartedMec;
import org.oneedge.app.topology.Topology;
import org.oneedge.app.topology.TopologyFile;
import org.oneedge.app.topology.TopologyOverrides;
import org.oneedge.app.topology.TopologySpec;

/**
 * The federation add-on over the nodes of {@code config/topology-default.yaml} (free ports): every CSE node and the
 * MEC platform with its hosts are members at the IN-CSE, a ranking request over HTTP is answered in place and a
 * repeated one the same way, and a stopped MN-CSE misses its heartbeats, is DOWN and its role moves.
 */
class RunFederationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANK_REQUEST = "{\"oe:fedRankReq\":{\"rn\":\"%s\",\"cnd\":"
            + "\"org.oneedge.federation.rankRequest\",\"lbl\":[\"oe:fedRankReq/open\"],\"cnt\":2,"
            + "\"kinds\":[\"MN_CSE\",\"MEC_HOST\"]}}";

    @TempDir
    Path dataDir;

    private Topology topology;
    private final List<AutoCloseable> addOns = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable a : addOns) {
            a.close();
        }
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    void members_register_ranking_repeats_and_a_stopped_nodes_roles_move() throws Exception {
        TopologySpec spec = TopologyFile.load(Path.of("../config/topology-default.yaml"),
                new TopologyOverrides(true, "memory", dataDir, "WARN"));
        topology = Topology.start(spec.nodes());
        AddOnLauncher launcher = new AddOnLauncher(name -> StartedCse.of(topology.node(name)),
                name -> StartedMec.of(topology.node(name).mecNode()));
        AddOnSpec.Federation federation = spec.addOns().stream().filter(AddOnSpec.Federation.class::isInstance)
                .map(AddOnSpec.Federation.class::cast).findFirst().orElseThrow();
        addOns.add(launcher.start(new AddOnSpec.Federation(federation.cse(), federation.members(), federation.mec(),
                Duration.ofMillis(300))).closer());
        String registry = topology.node("in").cseBaseUrl() + "/federation";
        List<String> hosts = topology.node("in").mecNode().hostNames();

        try (WireClient client = new WireClient()) {
            for (String node : List.of("id-in", "id-mn1", "id-mn2", "mec-platform", hosts.getFirst())) {
                assertThat(record(client, registry + "/node-" + node).path("state").asText()).as(node)
                        .isEqualTo("UP");
            }
            assertThat(record(client, registry + "/node-id-mn1").path("kind").asText()).isEqualTo("MN_CSE");
            assertThat(roles(client, registry + "/node-id-mn1")).contains("HANDOVER_ANCHOR");
            assertThat(roles(client, registry + "/node-id-mn2")).doesNotContain("HANDOVER_ANCHOR");

            JsonNode first = rank(client, registry, "q1");
            JsonNode again = rank(client, registry, "q2");
            assertThat(first.path("res").asText()).as(first.toString()).isEqualTo("RANKED");
            assertThat(first.path("cands")).hasSize(2);
            assertThat(first.path("cands").get(0).path("rsn").asText()).contains("score");
            assertThat(first.path("excl").toString()).contains("/id-in");
            assertThat(again.path("cands")).isEqualTo(first.path("cands"));
            assertThat(again.path("rsv")).isEqualTo(first.path("rsv"));

            topology.node("mn1").close();

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> record(client, registry + "/node-id-mn1").path("state").asText(), "DOWN"::equals);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> roles(client, registry + "/node-id-mn2"), r -> r.contains("HANDOVER_ANCHOR"));
            assertThat(roles(client, registry + "/node-id-mn1")).isEmpty();
            assertThat(record(client, registry + "/node-id-mn1").path("lbl").toString()).contains("status:DOWN");
            JsonNode afterDown = rank(client, registry, "q3");
            assertThat(afterDown.path("cands").toString()).doesNotContain("/id-mn1");
        }
    }

    private static JsonNode record(WireClient client, String url) throws Exception {
        HttpResponse<String> r = client.retrieve(url, "CAdmin");
        assertThat(r.statusCode()).as("%s: %s", url, r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("oe:fedNode");
    }

    private static List<String> roles(WireClient client, String url) throws Exception {
        List<String> roles = new ArrayList<>();
        record(client, url).path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static JsonNode rank(WireClient client, String registry, String name) throws Exception {
        HttpResponse<String> asked = client.create(registry, "CAdmin", 28, RANK_REQUEST.formatted(name));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> JSON.readTree(client.retrieve(registry + "/" + name, "CAdmin").body())
                        .path("oe:fedRankReq"), a -> a.hasNonNull("res"));
    }
}

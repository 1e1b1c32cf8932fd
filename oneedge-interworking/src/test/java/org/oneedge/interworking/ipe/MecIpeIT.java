package org.oneedge.interworking.ipe;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.client.OneM2MClient;
import org.oneedge.client.RemoteResource;
import org.oneedge.client.RequestFailedException;
import org.oneedge.interworking.CseTestbed;
import org.oneedge.interworking.MecTestbed;
import org.oneedge.mec.api.metrics.MecMetricsClient;
import org.oneedge.model.ResourceType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MecIpeIT {

    private static final String MOVING = "acr:10.0.0.1";
    private static final String PARKED = "acr:10.0.0.2";

    private MecTestbed mec;
    private CseTestbed cse;
    private MecIpe ipe;
    private OneM2MClient reader;

    @BeforeEach
    void givenAMecPlatformACseAndTheIpe() {
        mec = MecTestbed.start();
        cse = CseTestbed.start();
        reader = OneM2MClient.builder(cse.client()).cseBase(CseTestbed.CSE_BASE).originator("CAdmin").build();
        mec.advance(Duration.ofSeconds(1));   // UEs attach on the first ticks
        ipe = startIpe();
    }

    @AfterEach
    void tearDown() {
        ipe.close();
        cse.close();
        mec.close();
    }

    private MecIpe startIpe() {
        String base = mec.platform.baseUrl();
        return new MecIpe(cse.client(), MecIpeConfig.builder().cseBaseName(CseTestbed.CSE_BASE)
                .rnisUrl(base + "/rni/v2").locationUrl(base + "/location/v3").metricsUrl(base + "/metrics/v1")
                .metricsInterval(Duration.ofMillis(200)).ueUpdateInterval(Duration.ofMillis(100))
                .resyncInterval(Duration.ofMinutes(5)).build()).start();
    }

    private JsonNode ueInfo(String address) {
        RemoteResource r = reader.retrieve(ipe.uePath(address));
        assertThat(r.rootKey()).isEqualTo("oe:ueInfo");
        return r.attributes();
    }

    private JsonNode ueInfoOrEmpty(String address) {
        try {
            return ueInfo(address);
        } catch (RequestFailedException e) {
            return reader.retrieve(CseTestbed.CSE_BASE).attributes().objectNode();
        }
    }

    @Test
    void mirrors_the_current_ues_at_start_with_cell_zone_and_position() {
        JsonNode moving = ueInfo(MOVING);

        assertThat(moving.path("cnd").asText()).isEqualTo("org.oneedge.mec.ueInfo");
        assertThat(moving.path("cellId").asText()).isEqualTo("0A0000A");
        assertThat(moving.path("zoneId").asText()).isEqualTo("zone-a");
        assertThat(moving.path("lat").isNumber()).isTrue();
        assertThat(moving.path("lon").isNumber()).isTrue();
        assertThat(moving.path("lbl")).extracting(JsonNode::asText)
                .contains("Iwked-Technology:ETSI-MEC", "Iwked-Entity-Type:ue", "Iwked-Entity-ID:" + MOVING);
        assertThat(ueInfo(PARKED).path("cellId").asText()).isEqualTo("0A0000A");
    }

    @Test
    void follows_a_moving_ue_through_cells_and_zones() {
        double startLon = ueInfo(MOVING).path("lon").asDouble();

        mec.advance(Duration.ofSeconds(20));   // x = 300 m: served by cell a2

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode ue = ueInfoOrEmpty(MOVING);
            assertThat(ue.path("cellId").asText()).isEqualTo("0A0000B");
            assertThat(ue.path("rsrp").isNumber()).as("measurement reports mirrored").isTrue();
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                reader.latest(ipe.cellPath("0A0000B")).get("con").path("ues")).extracting(JsonNode::asText)
                .contains(MOVING));

        mec.advance(Duration.ofSeconds(25));   // x = 800 m: cell b1, zone-b

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode ue = ueInfoOrEmpty(MOVING);
            assertThat(ue.path("cellId").asText()).isEqualTo("0B0000A");
            assertThat(ue.path("zoneId").asText()).isEqualTo("zone-b");
            assertThat(ue.path("lon").asDouble()).isGreaterThan(startLon);
        });
        assertThat(reader.latest(ipe.cellPath("0A0000A")).get("con").path("ues")).extracting(JsonNode::asText)
                .doesNotContain(MOVING).contains(PARKED);
    }

    @Test
    void host_metrics_are_visible_as_oneM2M_resources() {
        List<String> hosts = new MecMetricsClient(mec.platform.baseUrl()).hosts().stream()
                .map(h -> h.hostName()).toList();
        assertThat(hosts).containsExactly("mec-host-a", "mec-host-b");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (String host : hosts) {
                RemoteResource r = reader.retrieve(ipe.hostPath(host));
                assertThat(r.rootKey()).isEqualTo("oe:hostMetrics");
                assertThat(r.text("cnd")).isEqualTo("org.oneedge.mec.hostMetrics");
                assertThat(r.get("cpu").asDouble()).isBetween(0.0, 100.0);
                assertThat(r.get("mem").asDouble()).isBetween(0.0, 100.0);
                assertThat(r.get("lat").isNumber()).isTrue();
                assertThat(r.get("lbl")).extracting(JsonNode::asText).contains("Iwked-Entity-ID:" + host);
            }
        });
    }

    @Test
    void a_restarted_ipe_reconciles_without_duplicates() {
        await().atMost(Duration.ofSeconds(5)).until(() -> hasResource(ipe.hostPath("mec-host-b")));
        Map<String, Integer> before = counts();
        assertThat(before).containsEntry("ae", 1).containsEntry("fcnt", 4);   // 2 UEs + 2 hosts

        ipe.close();
        ipe = startIpe();

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_ue_that_moved_while_the_ipe_was_down_is_reconciled_at_start() {
        ipe.close();
        mec.advance(Duration.ofSeconds(20));            // into cell a2

        ipe = startIpe();

        assertThat(ueInfo(MOVING).path("cellId").asText()).isEqualTo("0A0000B");
        assertThat(reader.discover(CseTestbed.CSE_BASE + "/CMecIpe/mec/ues", ResourceType.FLEX_CONTAINER))
                .hasSize(2);
        assertThat(reader.discover(CseTestbed.CSE_BASE + "/CMecIpe/mec/cells", ResourceType.CONTAINER))
                .extracting(p -> p.substring(p.lastIndexOf('/') + 1)).containsExactlyInAnyOrder("0A0000A", "0A0000B");
    }

    @Test
    void a_restarted_cse_is_reconciled_without_duplicates() {
        await().atMost(Duration.ofSeconds(5)).until(() -> hasResource(ipe.hostPath("mec-host-b")));
        Map<String, Integer> before = counts();

        cse = cse.restart();
        reader = OneM2MClient.builder(cse.client()).cseBase(CseTestbed.CSE_BASE).originator("CAdmin").build();
        ipe.resync();

        assertThat(counts()).isEqualTo(before);
        assertThat(ueInfo(MOVING).path("cellId").asText()).isEqualTo("0A0000A");
    }

    private boolean hasResource(String path) {
        try {
            reader.retrieve(path);
            return true;
        } catch (RequestFailedException e) {
            return false;
        }
    }

    private Map<String, Integer> counts() {
        List<String> aes = new ArrayList<>(reader.discover(CseTestbed.CSE_BASE, ResourceType.AE));
        String ae = CseTestbed.CSE_BASE + "/CMecIpe";
        return Map.of("ae", aes.size(),
                "cnt", reader.discover(ae, ResourceType.CONTAINER).size(),
                "fcnt", reader.discover(ae, ResourceType.FLEX_CONTAINER).size());
    }
}

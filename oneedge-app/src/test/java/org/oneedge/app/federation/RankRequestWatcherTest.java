package org.oneedge.app.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.ranking.Requirements;

/** How the attributes of an {@code oe:fedRankReq} become ranking requirements, and which are refused. */
class RankRequestWatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reads_count_kinds_apis_minimums_and_a_distance_limit() throws Exception {
        Requirements r = RankRequestWatcher.requirements(json("""
                {"cnt":2,"kinds":["MN_CSE","MEC_HOST"],"apis":["rni"],"accs":["gpu"],"mcpu":4,"mmem":2048,
                 "trust":["oneedge"],"home":"oneedge","mld":80.0,"mcst":3.5,"lat":48.85,"lon":2.35,"dist":10}"""));

        assertThat(r.count()).isEqualTo(2);
        assertThat(r.kinds()).containsExactlyInAnyOrder(NodeKind.MN_CSE, NodeKind.MEC_HOST);
        assertThat(r.requiredApis()).containsExactly("rni");
        assertThat(r.requiredAccelerators()).containsExactly("gpu");
        assertThat(r.minCpuCores()).isEqualTo(4);
        assertThat(r.minMemoryMb()).isEqualTo(2048);
        assertThat(r.allowedTrustDomains()).containsExactly("oneedge");
        assertThat(r.homeTrustDomain()).isEqualTo("oneedge");
        assertThat(r.maxLoadPercent()).isEqualTo(80.0);
        assertThat(r.maxCostPerHour()).isEqualTo(3.5);
        assertThat(r.near().latitude()).isEqualTo(48.85);
        assertThat(r.maxDistanceKm()).isEqualTo(10.0);
    }

    @Test
    void an_empty_request_asks_for_the_default_number_of_any_nodes() throws Exception {
        Requirements r = RankRequestWatcher.requirements(json("{}"));

        assertThat(r.count()).isEqualTo(RankRequestWatcher.DEFAULT_COUNT);
        assertThat(r.kinds()).isEmpty();
        assertThat(r.near()).isNull();
    }

    @Test
    void refuses_an_unknown_kind_a_zero_count_and_a_distance_without_a_point() {
        assertThatThrownBy(() -> RankRequestWatcher.requirements(json("{\"kinds\":[\"TOASTER\"]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOASTER");
        assertThatThrownBy(() -> RankRequestWatcher.requirements(json("{\"cnt\":0}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> RankRequestWatcher.requirements(json("{\"dist\":5}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lat");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}

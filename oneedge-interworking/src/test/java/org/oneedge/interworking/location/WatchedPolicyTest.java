package org.oneedge.interworking.location;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WatchedPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT = Duration.ofSeconds(10);

    @Test
    void serves_a_network_based_policy_at_its_first_update_period() throws Exception {
        JsonNode lcp = JSON.readTree("{\"los\":1,\"lot\":\"car-1\",\"loi\":\"cnt1\",\"lou\":[\"PT2S\",\"PT5S\"]}");

        assertThat(WatchedPolicy.of("p", lcp, DEFAULT))
                .contains(new WatchedPolicy("p", "car-1", "cnt1", Duration.ofSeconds(2)));
    }

    @Test
    void uses_the_default_period_without_lou_or_with_zero() throws Exception {
        assertThat(WatchedPolicy.of("p", JSON.readTree("{\"los\":1,\"lot\":\"t\",\"loi\":\"c\"}"), DEFAULT)
                .orElseThrow().period()).isEqualTo(DEFAULT);
        assertThat(WatchedPolicy.of("p", JSON.readTree("{\"los\":1,\"lot\":\"t\",\"loi\":\"c\",\"lou\":\"PT0S\"}"),
                DEFAULT).orElseThrow().period()).isEqualTo(DEFAULT);
    }

    @Test
    void ignores_device_based_policies_and_ones_without_target_or_container() throws Exception {
        assertThat(WatchedPolicy.of("p", JSON.readTree("{\"los\":2,\"lot\":\"t\",\"loi\":\"c\"}"), DEFAULT)).isEmpty();
        assertThat(WatchedPolicy.of("p", JSON.readTree("{\"los\":1,\"loi\":\"c\"}"), DEFAULT)).isEmpty();
        assertThat(WatchedPolicy.of("p", JSON.readTree("{\"los\":1,\"lot\":\"t\"}"), DEFAULT)).isEmpty();
    }

    @Test
    void writes_positions_as_geojson_point_coordinates_longitude_first() {
        JsonNode geo = NetworkLocationProvider.geoCoordinates(48.5, 2.25);

        assertThat(geo.get("typ").asInt()).isEqualTo(1);
        assertThat(geo.get("crd").asText()).isEqualTo("[2.25,48.5]");
    }
}

package org.oneedge.interworking.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.client.OneM2MClient;
import org.oneedge.client.RemoteResource;
import org.oneedge.client.RequestFailedException;
import org.oneedge.interworking.CseTestbed;
import org.oneedge.interworking.MecTestbed;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * Network-based {@code <locationPolicy>} end to end over TS-0009 HTTP: an AE asks for the position of a UE, the
 * provider reads it from the emulated MEC 013 Location API while the UE drives, and the location container fills.
 */
class NetworkLocationProviderIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MecTestbed mec;
    private CseTestbed cse;
    private OneM2MClient ae;
    private NetworkLocationProvider provider;

    @BeforeEach
    void givenAMecPlatformACseAndAnAe() {
        mec = MecTestbed.start();
        cse = CseTestbed.start();
        mec.advance(Duration.ofSeconds(1));
        ae = OneM2MClient.builder(cse.client()).cseBase(CseTestbed.CSE_BASE).originator("CTracker").build();
        ae.registerAe("tracker", "Norg.example.tracker", false, java.util.List.of());
        provider = new NetworkLocationProvider(NetworkLocationConfig.builder().cseBaseName(CseTestbed.CSE_BASE)
                .locationUrl(mec.platform.baseUrl() + "/location/v3").scanInterval(Duration.ofMillis(100))
                .targetAddresses(Map.of("car-1", "acr:10.0.0.1")).build(), cse.client()).start();
    }

    @AfterEach
    void tearDown() {
        provider.close();
        cse.close();
        mec.close();
    }

    private RemoteResource createPolicy(String name, String target) {
        ObjectNode lcp = NODES.objectNode().put("rn", name).put("los", 1).put("lot", target).put("lon", name + "-pos");
        lcp.putArray("lou").add("PT0.05S");
        return ae.create(ae.aePath(), ResourceType.LOCATION_POLICY, lcp);
    }

    private JsonNode latestPosition(String container) {
        return ae.latest(ae.aePath() + "/" + container).get("con");
    }

    @Test
    void writes_the_moving_ues_positions_into_the_location_container() {
        createPolicy("car", "car-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> policyStatus("car") == 1);
        JsonNode first = latestPosition("car-pos");
        assertThat(first.get("typ").asInt()).isEqualTo(1);
        assertThat(first.get("crd").asText()).matches("\\[-?[0-9.E-]+,-?[0-9.E-]+]");

        mec.advance(Duration.ofSeconds(30));   // the car drives 600 m east

        await().atMost(Duration.ofSeconds(10)).until(() -> !latestPosition("car-pos").equals(first));
        RemoteResource container = ae.retrieve(ae.aePath() + "/car-pos");
        assertThat(container.get("cni").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(longitude(latestPosition("car-pos"))).isGreaterThan(longitude(first));
    }

    @Test
    void writes_geofence_events_when_the_ue_enters_and_leaves_the_target_area() {
        createPolicy("car", "car-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> policyStatus("car") == 1);
        JsonNode start = latestPosition("car-pos");
        mec.advance(Duration.ofSeconds(10));   // 200 m east
        await().atMost(Duration.ofSeconds(10)).until(() -> !latestPosition("car-pos").equals(start));
        JsonNode now = latestPosition("car-pos");
        double per200m = longitude(now) - longitude(start);
        double lat = latitude(now);
        // an area 200 m to 400 m ahead of the car (x 320..520 m), generous in latitude
        String gta = String.format(java.util.Locale.ROOT, "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]",
                longitude(now) + per200m, lat - 0.01, longitude(now) + 2 * per200m, lat - 0.01,
                longitude(now) + 2 * per200m, lat + 0.01, longitude(now) + per200m, lat + 0.01,
                longitude(now) + per200m, lat - 0.01);
        createGeofencePolicy("enter", gta, 1);
        createGeofencePolicy("leave", gta, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> policyStatus("enter") == 1 && policyStatus("leave") == 1);
        assertThat(instances("enter-pos")).as("outside at the first fix: no event").isZero();

        mec.advance(Duration.ofSeconds(15));   // x about 420 m: inside

        await().atMost(Duration.ofSeconds(10)).until(() -> instances("enter-pos") == 1);
        assertThat(latestPosition("enter-pos").get("gec").asInt()).isEqualTo(1);
        assertThat(instances("leave-pos")).isZero();

        mec.advance(Duration.ofSeconds(15));   // x about 720 m: outside again

        await().atMost(Duration.ofSeconds(10)).until(() -> instances("leave-pos") == 1);
        JsonNode left = latestPosition("leave-pos");
        assertThat(left.get("gec").asInt()).isEqualTo(2);
        assertThat(longitude(left)).isGreaterThan(longitude(now) + 2 * per200m);
        assertThat(instances("enter-pos")).isEqualTo(1);
    }

    @Test
    void reports_failure_for_a_geofence_policy_without_a_polygon_area() {
        ObjectNode lcp = NODES.objectNode().put("rn", "fence").put("los", 1).put("lot", "car-1")
                .put("lon", "fence-pos").put("lit", 2);
        lcp.putArray("lou").add("PT0.05S");
        ae.create(ae.aePath(), ResourceType.LOCATION_POLICY, lcp);

        await().atMost(Duration.ofSeconds(10)).until(() -> policyStatus("fence") == 2);
        assertThat(instances("fence-pos")).isZero();
    }

    private void createGeofencePolicy(String name, String polygon, int criteria) {
        ObjectNode lcp = NODES.objectNode().put("rn", name).put("los", 1).put("lot", "car-1").put("lon", name + "-pos")
                .put("lit", 2).put("gec", criteria);
        lcp.putObject("gta").put("typ", 3).put("crd", polygon);
        lcp.putArray("lou").add("PT0.05S");
        ae.create(ae.aePath(), ResourceType.LOCATION_POLICY, lcp);
    }

    private int instances(String container) {
        return ae.retrieve(ae.aePath() + "/" + container).get("cni").asInt();
    }

    private static double latitude(JsonNode geo) {
        String crd = geo.get("crd").asText();
        return Double.parseDouble(crd.substring(crd.indexOf(',') + 1, crd.length() - 1));
    }

    @Test
    void reports_failure_in_the_policy_for_an_unknown_target() {
        createPolicy("ghost", "acr:10.9.9.9");

        await().atMost(Duration.ofSeconds(10)).until(() -> policyStatus("ghost") == 2);
        assertThat(ae.retrieve(ae.aePath() + "/ghost-pos").get("cni").asInt()).isZero();
    }

    @Test
    void refuses_a_malformed_policy_over_http_with_a_debug_message() {
        ObjectNode lcp = NODES.objectNode().put("rn", "bad").put("los", 9);

        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(RequestFailedException.class,
                () -> ae.create(ae.aePath(), ResourceType.LOCATION_POLICY, lcp));

        assertThat(refused.response().statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(refused.response().debugMessage()).contains("los");
    }

    @Test
    void stops_serving_a_deleted_policy() {
        createPolicy("car", "car-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> !provider.watchedPolicies().isEmpty());

        ae.delete(ae.aePath() + "/car");

        await().atMost(Duration.ofSeconds(10)).until(() -> provider.watchedPolicies().isEmpty());
    }

    private int policyStatus(String name) {
        return ae.retrieve(ae.aePath() + "/" + name).get("lost").asInt();
    }

    private static double longitude(JsonNode geo) {
        String crd = geo.get("crd").asText();
        return Double.parseDouble(crd.substring(1, crd.indexOf(',')));
    }
}

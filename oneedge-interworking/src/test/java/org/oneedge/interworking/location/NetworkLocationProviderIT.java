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

package org.oneedge.cse.location;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.subscription.TestNode;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** {@code <locationPolicy>} (TS-0001 10.2.9, TS-0004 7.4.11) and its location container, via {@code Cse.send}. */
class LocationPolicyTest {

    private static final String ADMIN = TestNode.ADMIN;
    private TestNode node;

    @BeforeEach
    void givenAnAe() {
        node = TestNode.start();
        assertThat(node.registerAe("Cae1", "AE1", "http://ae1.example/notify").statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    private Response createPolicy(String attributes) {
        return node.create("cse-in/AE1", "Cae1", ResourceType.LOCATION_POLICY,
                "{\"m2m:lcp\":{\"rn\":\"lcp1\"" + attributes + "}}");
    }

    @Test
    void creates_the_location_container_below_the_originators_ae_linked_both_ways() {
        Response r = createPolicy(",\"los\":1,\"lot\":\"acr:10.0.0.1\",\"lou\":[\"PT5S\"],\"lon\":\"pos\"");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        JsonNode lcp = r.content().get("m2m:lcp");
        assertThat(lcp.get("lost").asInt()).isEqualTo(LocationStatus.IN_PROCESS.code());
        JsonNode cnt = node.retrieve("cse-in/AE1/pos", "Cae1").content().get("m2m:cnt");
        assertThat(cnt.get("ri").asText()).isEqualTo(lcp.get("loi").asText());
        assertThat(cnt.get("li").asText()).isEqualTo(lcp.get("ri").asText());
        assertThat(node.create("cse-in/AE1/pos", "Cae1", ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"con\":\"x\"}}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    @Test
    void names_the_container_after_the_policy_when_lon_is_absent() {
        Response r = createPolicy(",\"los\":2");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(r.content().get("m2m:lcp").get("lon").asText()).isEqualTo("LOCATION_lcp1");
        assertThat(r.content().get("m2m:lcp").has("lost")).isFalse();
        assertThat(node.retrieve("cse-in/AE1/LOCATION_lcp1", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.OK);
    }

    @Test
    void puts_the_container_next_to_the_policy_when_the_originator_is_no_ae() {
        Response r = node.create("cse-in", ADMIN, ResourceType.LOCATION_POLICY,
                "{\"m2m:lcp\":{\"rn\":\"lcp2\",\"los\":2}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(node.retrieve("cse-in/LOCATION_lcp2", ADMIN).content().get("m2m:cnt").get("li").asText())
                .isEqualTo(r.content().get("m2m:lcp").get("ri").asText());
    }

    @Test
    void refuses_an_unknown_location_source_and_stores_nothing() {
        Response r = createPolicy(",\"los\":7");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("los");
        assertThat(node.retrieve("cse-in/AE1/lcp1", ADMIN).statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(node.retrieve("cse-in/AE1/LOCATION_lcp1", ADMIN).statusCode())
                .isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void refuses_a_network_based_policy_without_target_id() {
        Response r = createPolicy(",\"los\":1");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("lot");
    }

    @Test
    void refuses_an_update_period_that_is_no_duration() {
        Response r = createPolicy(",\"los\":1,\"lot\":\"acr:10.0.0.1\",\"lou\":[\"ten seconds\"]");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("lou");
    }

    @Test
    void refuses_missing_los_and_a_client_supplied_loi() {
        assertThat(createPolicy(",\"lot\":\"x\"").statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(createPolicy(",\"los\":2,\"loi\":\"cnt1\"").statusCode())
                .isEqualTo(ResponseStatusCode.BAD_REQUEST);
    }

    @Test
    void refuses_a_location_container_name_already_taken() {
        node.create("cse-in/AE1", "Cae1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"pos\"}}");

        Response r = createPolicy(",\"los\":2,\"lon\":\"pos\"");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CONFLICT);
        assertThat(node.retrieve("cse-in/AE1/lcp1", ADMIN).statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void only_the_cse_sets_the_location_status() {
        createPolicy(",\"los\":1,\"lot\":\"acr:10.0.0.1\"");

        Response byOwner = node.update("cse-in/AE1/lcp1", "Cae1", "{\"m2m:lcp\":{\"lost\":1}}");
        Response byCse = node.update("cse-in/AE1/lcp1", ADMIN, "{\"m2m:lcp\":{\"lost\":2}}");

        assertThat(byOwner.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(byOwner.debugMessage()).contains("lost");
        assertThat(byCse.statusCode()).isEqualTo(ResponseStatusCode.UPDATED);
        assertThat(node.retrieve("cse-in/AE1/lcp1", ADMIN).content().get("m2m:lcp").get("lost").asInt())
                .isEqualTo(LocationStatus.FAILURE.code());
    }

    @Test
    void deleting_the_policy_deletes_its_location_container() {
        createPolicy(",\"los\":2,\"lon\":\"pos\"");

        assertThat(node.delete("cse-in/AE1/lcp1", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.DELETED);

        assertThat(node.retrieve("cse-in/AE1/pos", ADMIN).statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }
}

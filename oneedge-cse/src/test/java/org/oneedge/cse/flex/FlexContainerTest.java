package org.oneedge.cse.flex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.subscription.TestNode;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** flexContainer specializations (digest §7.2) and the flexContainerInstance history, through {@code Cse.send}. */
class FlexContainerTest {

    private static final String ADMIN = TestNode.ADMIN;
    private static final String AE = "cse-in/AE1";
    private TestNode node;

    @BeforeEach
    void givenAnAe() {
        node = TestNode.start();
        assertThat(node.registerAe("Cae1", "AE1", null).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    private Response createUe(String attributes) {
        return node.create(AE, "Cae1", ResourceType.FLEX_CONTAINER,
                "{\"oe:ueInfo\":{\"rn\":\"ue\",\"cnd\":\"org.oneedge.mec.ueInfo\"" + attributes + "}}");
    }

    private JsonNode ue() {
        Response r = node.retrieve(AE + "/ue", ADMIN);
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
        return r.content().get("oe:ueInfo");
    }

    @Test
    void creates_a_specialization_under_its_own_root_key_with_size_and_state_tag() {
        Response r = createUe(",\"rsrp\":-95.5,\"cellId\":\"c1\"");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(r.content().has("oe:ueInfo")).isTrue();
        JsonNode ue = ue();
        assertThat(ue.get("ty").asInt()).isEqualTo(28);
        assertThat(ue.get("cnd").asText()).isEqualTo("org.oneedge.mec.ueInfo");
        assertThat(ue.get("st").asInt()).isZero();
        assertThat(ue.get("cs").asInt()).isEqualTo("-95.5".length() + "c1".length());
    }

    @Test
    void creates_of_one_name_racing_below_one_parent_store_one_and_refuse_the_others_with_4105() throws Exception {
        List<Response> answers = new CopyOnWriteArrayList<>();
        try (ExecutorService racers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                racers.submit(() -> answers.add(createUe(",\"cellId\":\"c1\"")));
            }
        }

        assertThat(answers).extracting(Response::statusCode).containsOnly(ResponseStatusCode.CREATED,
                ResponseStatusCode.CONFLICT).filteredOn(c -> c == ResponseStatusCode.CREATED).hasSize(1);
        assertThat(ue().get("cellId").asText()).isEqualTo("c1");
    }

    @Test
    void update_increments_the_state_tag_and_recomputes_the_size() {
        createUe(",\"cellId\":\"c1\"");

        Response r = node.update(AE + "/ue", "Cae1", "{\"oe:ueInfo\":{\"cellId\":\"cell-42\",\"lat\":1.5}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.UPDATED);
        assertThat(ue().get("st").asInt()).isEqualTo(1);
        assertThat(ue().get("cs").asInt()).isEqualTo("cell-42".length() + "1.5".length());
    }

    @Test
    void refuses_an_unknown_custom_attribute() {
        Response r = createUe(",\"speed\":3");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("speed");
        assertThat(node.retrieve(AE + "/ue", ADMIN).statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void refuses_a_custom_attribute_of_the_wrong_type() {
        Response r = createUe(",\"rsrp\":\"strong\"");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("rsrp").contains("number");
    }

    @Test
    void refuses_a_transaction_without_its_mandatory_attributes() {
        Response r = node.create(AE, "Cae1", ResourceType.FLEX_CONTAINER,
                "{\"oe:hoTx\":{\"cnd\":\"org.oneedge.handover.transaction\",\"txid\":\"t1\",\"aeid\":\"Cae1\"}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("state").contains("missing");
    }

    @Test
    void refuses_an_unknown_specialization_with_4125() {
        Response r = node.create(AE, "Cae1", ResourceType.FLEX_CONTAINER,
                "{\"xyz:thing\":{\"cnd\":\"org.example.thing\"}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.SPECIALIZATION_SCHEMA_NOT_FOUND);
        assertThat(r.debugMessage()).contains("xyz:thing");
    }

    @Test
    void refuses_a_cnd_that_does_not_match_the_root_key() {
        Response r = node.create(AE, "Cae1", ResourceType.FLEX_CONTAINER,
                "{\"oe:ueInfo\":{\"rn\":\"x\",\"cnd\":\"org.oneedge.mec.hostMetrics\"}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("does not match");
        assertThat(node.retrieve(AE + "/x", ADMIN).statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void refuses_to_change_cnd_and_keeps_the_resource_unchanged() {
        createUe(",\"cellId\":\"c1\"");

        Response r = node.update(AE + "/ue", "Cae1", "{\"oe:ueInfo\":{\"cnd\":\"org.oneedge.mec.hostMetrics\"}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("cnd");
        assertThat(ue().get("st").asInt()).isZero();
    }

    @Test
    void refuses_removing_a_mandatory_custom_attribute() {
        node.create(AE, "Cae1", ResourceType.FLEX_CONTAINER, "{\"oe:hoTx\":{\"rn\":\"tx\","
                + "\"cnd\":\"org.oneedge.handover.transaction\",\"txid\":\"t1\",\"aeid\":\"Cae1\",\"state\":\"PREPARE\"}}");

        Response r = node.update(AE + "/tx", "Cae1", "{\"oe:hoTx\":{\"state\":null}}");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(node.retrieve(AE + "/tx", ADMIN).content().get("oe:hoTx").get("state").asText())
                .isEqualTo("PREPARE");
    }

    @Test
    void keeps_a_bounded_history_of_snapshots_with_latest_and_oldest() {
        assertThat(createUe(",\"mni\":2,\"cellId\":\"c0\"").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        for (int i = 1; i <= 3; i++) {
            assertThat(node.update(AE + "/ue", "Cae1", "{\"oe:ueInfo\":{\"cellId\":\"c" + i + "\"}}").statusCode())
                    .isEqualTo(ResponseStatusCode.UPDATED);
        }

        assertThat(ue().get("cni").asInt()).isEqualTo(2);
        assertThat(ue().get("cbs").asInt()).isEqualTo(4);
        Response latest = node.retrieve(AE + "/ue/la", ADMIN);
        assertThat(latest.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(latest.content().get("m2m:fci").get("cellId").asText()).isEqualTo("c3");
        assertThat(latest.content().get("m2m:fci").get("st").asInt()).isEqualTo(3);
        assertThat(node.retrieve(AE + "/ue/ol", ADMIN).content().get("m2m:fci").get("cellId").asText())
                .isEqualTo("c2");
    }

    @Test
    void deleting_a_snapshot_corrects_the_counters_and_clients_cannot_create_one() {
        createUe(",\"fcied\":true,\"cellId\":\"c0\"");
        assertThat(ue().get("cni").asInt()).isEqualTo(1);

        assertThat(node.delete(AE + "/ue/la", ADMIN).statusCode()).isEqualTo(ResponseStatusCode.DELETED);
        Response create = node.create(AE + "/ue", ADMIN, ResourceType.FLEX_CONTAINER_INSTANCE,
                "{\"m2m:fci\":{\"cellId\":\"c9\"}}");

        assertThat(ue().get("cni").asInt()).isZero();
        assertThat(create.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED);
    }

    @Test
    void has_no_history_without_limits() {
        createUe(",\"cellId\":\"c0\"");

        assertThat(node.retrieve(AE + "/ue/la", ADMIN).statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void notifications_carry_the_specialization_root_key() {
        node.registerAe("Cobs", "OBS", "http://observer.example/n");
        createUe(",\"cellId\":\"c0\"");
        assertThat(node.create(AE + "/ue", ADMIN, ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"nu\":[\"Cobs\"]}}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);

        node.update(AE + "/ue", "Cae1", "{\"oe:ueInfo\":{\"cellId\":\"c1\"}}");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> !node.sender.notificationsTo("http://observer.example").isEmpty());
        JsonNode rep = node.sender.notificationsTo("http://observer.example").getFirst().content()
                .get("m2m:sgn").get("nev").get("rep");
        assertThat(rep.get("oe:ueInfo").get("cellId").asText()).isEqualTo("c1");
    }

    @Test
    void loads_the_built_in_definitions() {
        FlexContainerDefinitions defs = FlexContainerDefinitions.builtIn();

        assertThat(defs.byCnd("org.oneedge.federation.node")).isPresent();
        assertThat(defs.byRootKey("cod:tempe").orElseThrow().cnd())
                .isEqualTo("org.onem2m.common.moduleclass.temperature");
    }
}

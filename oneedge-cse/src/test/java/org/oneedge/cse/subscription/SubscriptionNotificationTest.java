package org.oneedge.cse.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class SubscriptionNotificationTest {

    private static final String AE_POA = "http://ae1.test/notify";
    private TestNode node;

    @BeforeEach
    void givenAnAeWithAContainer() {
        node = TestNode.start();
        assertThat(node.registerAe("Cae1", "AE1", AE_POA).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(node.create("cse-in/AE1", "Cae1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"cnt\"}}")
                .statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    private String containerRi() {
        return node.store.getByPath("cse-in/AE1/cnt").orElseThrow().ri();
    }

    private Response subscribe(String json) {
        return node.create("cse-in/AE1/cnt", "Cae1", ResourceType.SUBSCRIPTION, json);
    }

    private Response addInstance(String con) {
        return node.create("cse-in/AE1/cnt", "Cae1", ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"con\":\"" + con + "\"}}");
    }

    @Test
    void notifies_the_subscriber_of_a_new_content_instance_with_the_exact_sgn_shape() {
        Response sub = subscribe("{\"m2m:sub\":{\"rn\":\"sub\",\"nu\":[\"Cae1\"],\"enc\":{\"net\":[3]}}}");
        assertThat(sub.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        String subRi = TestNode.ri(sub);
        assertThat(node.sender.to(AE_POA)).as("no verification when the target is the originator").isEmpty();

        String cinRi = TestNode.ri(addInstance("hello"));

        await().until(() -> node.sender.to(AE_POA).size() == 1);
        Request notify = node.sender.to(AE_POA).getFirst();
        assertThat(notify.operation()).isEqualTo(Operation.NOTIFY);
        assertThat(notify.from()).isEqualTo("/id-in");
        assertThat(notify.to()).isEqualTo("Cae1");
        assertThat(notify.releaseVersion()).isEqualTo("3");
        JsonNode sgn = notify.content().get("m2m:sgn");
        assertThat(notify.content().size()).isEqualTo(1);
        assertThat(sgn.properties()).extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder("nev", "sur");
        assertThat(sgn.get("sur").asText()).isEqualTo("/id-in/" + subRi);
        assertThat(sgn.get("nev").get("net").asInt()).isEqualTo(3);
        JsonNode cin = sgn.get("nev").get("rep").get("m2m:cin");
        assertThat(cin.get("con").asText()).isEqualTo("hello");
        assertThat(cin.get("ri").asText()).isEqualTo(cinRi);
        assertThat(cin.get("ty").asInt()).isEqualTo(4);
    }

    @Test
    void sends_a_verification_request_to_a_foreign_target_and_records_the_creator() {
        Response sub = subscribe("{\"m2m:sub\":{\"nu\":[\"http://other.test/n\"]}}");
        assertThat(sub.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        String subRi = TestNode.ri(sub);
        List<Request> sent = node.sender.to("http://other.test/n");
        assertThat(sent).hasSize(1);
        JsonNode sgn = sent.getFirst().content().get("m2m:sgn");
        assertThat(sgn.get("vrq").asBoolean()).isTrue();
        assertThat(sgn.get("sur").asText()).isEqualTo("/id-in/" + subRi);
        assertThat(sgn.get("cr").asText()).isEqualTo("Cae1");
        assertThat(sent.getFirst().operation()).isEqualTo(Operation.NOTIFY);
        assertThat(sub.content().get("m2m:sub").get("cr").asText()).isEqualTo("Cae1");
        assertThat(sub.content().get("m2m:sub").get("nct").asInt()).isEqualTo(1);
    }

    @Test
    void refuses_with_5204_and_stores_nothing_when_verification_fails() {
        node.sender.answer("http://refusing.test", ResponseStatusCode.SUBSCRIPTION_CREATOR_HAS_NO_PRIVILEGE);
        node.sender.answer("http://down.test", ResponseStatusCode.TARGET_NOT_REACHABLE);

        Response refused = subscribe("{\"m2m:sub\":{\"rn\":\"s1\",\"nu\":[\"http://refusing.test/n\"]}}");
        Response unreachable = subscribe("{\"m2m:sub\":{\"rn\":\"s2\",\"nu\":[\"Cae1\",\"http://down.test/n\"]}}");
        Response unknownAe = subscribe("{\"m2m:sub\":{\"rn\":\"s3\",\"nu\":[\"CnoSuchAe\"]}}");

        assertThat(List.of(refused, unreachable, unknownAe)).allSatisfy(r -> assertThat(r.statusCode())
                .isEqualTo(ResponseStatusCode.SUBSCRIPTION_VERIFICATION_INITIATION_FAILED));
        assertThat(refused.debugMessage()).contains("http://refusing.test/n").contains("4101");
        assertThat(node.store.children(containerRi(), ResourceType.SUBSCRIPTION, 0, 10)).isEmpty();
        assertThat(node.retrieve("cse-in/AE1/cnt/s1", TestNode.ADMIN).statusCode())
                .isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(node.retrieve("cse-in/AE1/cnt/s2", TestNode.ADMIN).statusCode())
                .isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void counts_down_exc_then_deletes_the_subscription_and_tells_the_subscriber() {
        Response sub = subscribe("{\"m2m:sub\":{\"rn\":\"sub\",\"nu\":[\"Cae1\"],\"enc\":{\"net\":[3]},\"exc\":2,"
                + "\"su\":\"http://su.test/deleted\"}}");
        String subRi = TestNode.ri(sub);
        addInstance("a");
        addInstance("b");
        addInstance("c");

        await().until(() -> node.sender.to("http://su.test/deleted").size() == 1);
        JsonNode sgn = node.sender.to("http://su.test/deleted").getFirst().content().get("m2m:sgn");
        assertThat(sgn.get("sud").asBoolean()).isTrue();
        assertThat(sgn.get("sur").asText()).isEqualTo("/id-in/" + subRi);
        assertThat(node.retrieve("cse-in/AE1/cnt/sub", TestNode.ADMIN).statusCode())
                .isEqualTo(ResponseStatusCode.NOT_FOUND);
        await().until(() -> node.sender.notificationsTo(AE_POA).size() == 2);
        assertThat(node.sender.notificationsTo(AE_POA))
                .extracting(r -> r.content().at("/m2m:sgn/nev/rep/m2m:cin/con").asText())
                .containsExactly("a", "b");
    }

    @Test
    void retries_an_unreachable_target_then_removes_it_and_deletes_the_subscription_when_none_is_left() {
        Response sub = subscribe("{\"m2m:sub\":{\"rn\":\"sub\",\"nu\":[\"http://flaky.test/n\",\"http://dies.test/n\"],"
                + "\"enc\":{\"net\":[3]},\"su\":\"http://su.test/x\"}}");
        assertThat(sub.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        node.sender.answer("http://dies.test", ResponseStatusCode.TARGET_NOT_REACHABLE);

        addInstance("one");

        await().until(() -> node.retrieve("cse-in/AE1/cnt/sub", TestNode.ADMIN).content()
                .at("/m2m:sub/nu").size() == 1);
        assertThat(node.retrieve("cse-in/AE1/cnt/sub", TestNode.ADMIN).content().at("/m2m:sub/nu/0").asText())
                .isEqualTo("http://flaky.test/n");
        assertThat(node.sender.notificationsTo("http://dies.test")).hasSize(3);
        assertThat(node.sender.notificationsTo("http://flaky.test")).hasSize(1);

        node.sender.answer("http://flaky.test", ResponseStatusCode.REQUEST_TIMEOUT);
        addInstance("two");

        await().until(() -> node.retrieve("cse-in/AE1/cnt/sub", TestNode.ADMIN).statusCode()
                == ResponseStatusCode.NOT_FOUND);
        await().until(() -> node.sender.to("http://su.test/x").size() == 1);
        assertThat(node.sender.to("http://su.test/x").getFirst().content().at("/m2m:sgn/sud").asBoolean()).isTrue();
    }

    @Test
    void keeps_the_order_of_notifications_per_target() {
        subscribe("{\"m2m:sub\":{\"nu\":[\"Cae1\"],\"enc\":{\"net\":[3]},\"nct\":3}}");
        for (int i = 0; i < 40; i++) {
            addInstance(String.valueOf(i));
        }
        await().until(() -> node.sender.notificationsTo(AE_POA).size() == 40);
        List<String> notified = node.sender.notificationsTo(AE_POA).stream()
                .map(r -> r.content().at("/m2m:sgn/nev/rep/m2m:uri").asText()).toList();
        List<String> created = node.store.children(containerRi(), ResourceType.CONTENT_INSTANCE, 0, 100).stream()
                .map(r -> r.ri()).toList();
        assertThat(notified).containsExactlyElementsOf(created);
    }

    @Test
    void a_hanging_target_does_not_delay_another_target() {
        subscribe("{\"m2m:sub\":{\"nu\":[\"http://stuck.test/n\",\"Cae1\"],\"enc\":{\"net\":[3]}}}");
        node.sender.hang("http://stuck.test");
        for (int i = 0; i < 10; i++) {
            addInstance(String.valueOf(i));
        }
        await().until(() -> node.sender.notificationsTo(AE_POA).size() == 10);
        assertThat(node.sender.notificationsTo("http://stuck.test")).as("still in its first attempt").hasSize(1);
    }

    @Test
    void deleting_the_subscribed_resource_notifies_and_tells_the_subscriber() {
        Response sub = subscribe("{\"m2m:sub\":{\"rn\":\"sub\",\"nu\":[\"Cae1\"],\"enc\":{\"net\":[2]},"
                + "\"su\":\"http://su.test/gone\"}}");
        String subRi = TestNode.ri(sub);
        assertThat(node.delete("cse-in/AE1/cnt", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.DELETED);

        await().until(() -> node.sender.to("http://su.test/gone").size() == 1);
        await().until(() -> node.sender.notificationsTo(AE_POA).size() == 1);
        JsonNode nev = node.sender.notificationsTo(AE_POA).getFirst().content().at("/m2m:sgn/nev");
        assertThat(nev.get("net").asInt()).isEqualTo(2);
        assertThat(nev.at("/rep/m2m:cnt/rn").asText()).isEqualTo("cnt");
        assertThat(node.sender.to("http://su.test/gone").getFirst().content().at("/m2m:sgn/sur").asText())
                .isEqualTo("/id-in/" + subRi);
    }

    @Test
    void explicit_delete_of_a_subscription_sends_the_deletion_notification() {
        subscribe("{\"m2m:sub\":{\"rn\":\"sub\",\"nu\":[\"Cae1\"],\"su\":\"Cae1\"}}");
        assertThat(node.delete("cse-in/AE1/cnt/sub", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.DELETED);
        await().until(() -> node.sender.to(AE_POA).size() == 1);
        assertThat(node.sender.to(AE_POA).getFirst().content().at("/m2m:sgn/sud").asBoolean()).isTrue();
    }

    @Test
    void update_notifications_honour_atr_and_modified_attributes() {
        node.create("cse-in/AE1", "Cae1", ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"nu\":[\"Cae1\"],\"enc\":{\"net\":[1],\"atr\":[\"lbl\"]},\"nct\":2}}");
        node.update("cse-in/AE1", "Cae1", "{\"m2m:ae\":{\"apn\":\"ignored\"}}");
        node.update("cse-in/AE1", "Cae1", "{\"m2m:ae\":{\"lbl\":[\"x\"]}}");
        await().until(() -> node.sender.notificationsTo(AE_POA).size() == 1);
        JsonNode rep = node.sender.notificationsTo(AE_POA).getFirst().content().at("/m2m:sgn/nev/rep/m2m:ae");
        assertThat(rep.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("lbl");
    }

    @Test
    void child_deletions_are_notified_for_the_listed_child_types_only() {
        subscribe("{\"m2m:sub\":{\"nu\":[\"Cae1\"],\"enc\":{\"net\":[4],\"chty\":[3]},\"nct\":3}}");
        addInstance("x");
        node.create("cse-in/AE1/cnt", "Cae1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"inner\"}}");
        String innerRi = node.store.getByPath("cse-in/AE1/cnt/inner").orElseThrow().ri();
        String cinPath = node.store.children(containerRi(), ResourceType.CONTENT_INSTANCE, 0, 1).getFirst().path();
        node.delete(cinPath, "Cae1");
        node.delete("cse-in/AE1/cnt/inner", "Cae1");
        await().until(() -> node.sender.notificationsTo(AE_POA).size() == 1);
        JsonNode nev = node.sender.notificationsTo(AE_POA).getFirst().content().at("/m2m:sgn/nev");
        assertThat(nev.get("net").asInt()).isEqualTo(4);
        assertThat(nev.at("/rep/m2m:uri").asText()).isEqualTo(innerRi);
    }

    @Test
    void operation_monitoring_reports_the_operation_and_its_originator() {
        subscribe("{\"m2m:sub\":{\"nu\":[\"Cae1\"],\"enc\":{\"om\":[{\"ops\":2}]}}}");
        node.retrieve("cse-in/AE1/cnt", TestNode.ADMIN);
        await().until(() -> node.sender.to(AE_POA).size() == 1);
        JsonNode om = node.sender.to(AE_POA).getFirst().content().at("/m2m:sgn/nev/om");
        assertThat(om.get("ops").asInt()).isEqualTo(2);
        assertThat(om.get("org").asText()).isEqualTo(TestNode.ADMIN);
    }

    @Test
    void an_update_verifies_added_targets_and_keeps_nu_when_that_fails() {
        subscribe("{\"m2m:sub\":{\"rn\":\"sub\",\"nu\":[\"Cae1\"]}}");
        node.sender.answer("http://nope.test", ResponseStatusCode.TARGET_NOT_REACHABLE);

        Response ok = node.update("cse-in/AE1/cnt/sub", "Cae1", "{\"m2m:sub\":{\"nu\":[\"Cae1\",\"http://new.test/n\"]}}");
        Response failed = node.update("cse-in/AE1/cnt/sub", "Cae1", "{\"m2m:sub\":{\"nu\":[\"http://nope.test/n\"]}}");
        Response suChange = node.update("cse-in/AE1/cnt/sub", "Cae1", "{\"m2m:sub\":{\"su\":\"Cae1\"}}");

        assertThat(ok.statusCode()).isEqualTo(ResponseStatusCode.UPDATED);
        assertThat(node.sender.to("http://new.test/n")).singleElement()
                .satisfies(r -> assertThat(r.content().at("/m2m:sgn/vrq").asBoolean()).isTrue());
        assertThat(failed.statusCode()).isEqualTo(ResponseStatusCode.SUBSCRIPTION_VERIFICATION_INITIATION_FAILED);
        assertThat(suChange.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(node.retrieve("cse-in/AE1/cnt/sub", TestNode.ADMIN).content().at("/m2m:sub/nu"))
                .extracting(JsonNode::asText).containsExactly("Cae1", "http://new.test/n");
    }

    @Test
    void batches_notifications_into_an_aggregate() {
        subscribe("{\"m2m:sub\":{\"nu\":[\"Cae1\"],\"enc\":{\"net\":[3]},\"bn\":{\"num\":3}}}");
        for (int i = 0; i < 3; i++) {
            addInstance(String.valueOf(i));
        }
        await().until(() -> node.sender.to(AE_POA).size() == 1);
        JsonNode sgns = node.sender.to(AE_POA).getFirst().content().at("/m2m:agn/m2m:sgn");
        assertThat(sgns.size()).isEqualTo(3);
        assertThat(sgns.get(2).at("/nev/rep/m2m:cin/con").asText()).isEqualTo("2");
    }

    @Test
    void refuses_a_subscription_below_a_content_instance_as_not_subscribable() {
        addInstance("x");
        String cin = node.store.children(containerRi(), ResourceType.CONTENT_INSTANCE, 0, 1).getFirst().path();
        Response r = node.create(cin, "Cae1", ResourceType.SUBSCRIPTION, "{\"m2m:sub\":{\"nu\":[\"Cae1\"]}}");
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.TARGET_NOT_SUBSCRIBABLE);
    }

    @Test
    void refuses_bad_attribute_combinations_with_4000() {
        Response r = subscribe("{\"m2m:sub\":{\"nu\":[\"Cae1\"],\"enc\":{\"net\":[3]},\"nct\":2}}");
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(r.debugMessage()).contains("nct 2");
    }
}

package org.oneedge.cse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.subscription.TestNode;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class AccessControlPolicyTest {

    private TestNode node;

    @BeforeEach
    void givenTwoAesAndAContainerOfTheFirst() {
        node = TestNode.start();
        assertThat(node.registerAe("Cae1", "AE1", null).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(node.registerAe("Cae2", "AE2", null).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(node.create("cse-in/AE1", "Cae1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"cnt\"}}")
                .statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    /** AE1 creates acp (pv: Cae2 may RETRIEVE; pvs: Cae1 everything) and puts it on its container. */
    private String givenAnAcpGrantingRetrieveToAe2() {
        Response acp = node.create("cse-in/AE1", "Cae1", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"rn\":\"acp\",\"pv\":{\"acr\":[{\"acor\":[\"Cae2\"],\"acop\":2},"
                        + "{\"acor\":[\"Cae1\"],\"acop\":63}]},\"pvs\":{\"acr\":[{\"acor\":[\"Cae1\"],\"acop\":63}]}}}");
        assertThat(acp.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        String acpRi = TestNode.ri(acp);
        assertThat(node.update("cse-in/AE1/cnt", "Cae1", "{\"m2m:cnt\":{\"acpi\":[\"" + acpRi + "\"]}}").statusCode())
                .isEqualTo(ResponseStatusCode.UPDATED);
        return acpRi;
    }

    @Test
    void refuses_a_foreign_originator_naming_originator_operation_and_target() {
        Response r = node.retrieve("cse-in/AE1/cnt", "Cae2");
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(r.debugMessage()).contains("Cae2").contains("RETRIEVE").contains("cse-in/AE1/cnt");
        assertThat(node.retrieve("cse-in/AE1/cnt", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.OK);
    }

    @Test
    void permits_a_listed_originator_only_what_the_policy_grants() {
        givenAnAcpGrantingRetrieveToAe2();
        assertThat(node.retrieve("cse-in/AE1/cnt", "Cae2").statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(node.update("cse-in/AE1/cnt", "Cae2", "{\"m2m:cnt\":{\"lbl\":[\"x\"]}}").statusCode())
                .isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(node.create("cse-in/AE1/cnt", "Cae2", ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"con\":\"x\"}}").statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(node.retrieve("cse-in/AE1/cnt", "Cae3").statusCode())
                .isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
    }

    @Test
    void content_instances_follow_their_container() {
        givenAnAcpGrantingRetrieveToAe2();
        assertThat(node.create("cse-in/AE1/cnt", "Cae1", ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"rn\":\"i1\",\"con\":\"x\"}}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(node.retrieve("cse-in/AE1/cnt/i1", "Cae2").statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(node.delete("cse-in/AE1/cnt/i1", "Cae2").statusCode())
                .isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
    }

    @Test
    void acpi_must_be_alone_in_an_update_and_is_changed_by_self_privileges() {
        String acpRi = givenAnAcpGrantingRetrieveToAe2();
        Response mixed = node.update("cse-in/AE1/cnt", "Cae1",
                "{\"m2m:cnt\":{\"acpi\":[\"" + acpRi + "\"],\"lbl\":[\"x\"]}}");
        assertThat(mixed.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        // Cae2 holds no selfPrivileges on the acp, so it may not swap the policies
        assertThat(node.update("cse-in/AE1/cnt", "Cae2", "{\"m2m:cnt\":{\"acpi\":[]}}").statusCode())
                .isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(node.update("cse-in/AE1/cnt", "Cae1", "{\"m2m:cnt\":{\"acpi\":null}}").statusCode())
                .isEqualTo(ResponseStatusCode.UPDATED);
        // back on the default policy: only the owner
        assertThat(node.retrieve("cse-in/AE1/cnt", "Cae2").statusCode())
                .isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
    }

    @Test
    void a_policy_is_governed_by_its_self_privileges() {
        givenAnAcpGrantingRetrieveToAe2();
        assertThat(node.retrieve("cse-in/AE1/acp", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(node.retrieve("cse-in/AE1/acp", "Cae2").statusCode())
                .isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(node.delete("cse-in/AE1/acp", "Cae2").statusCode())
                .isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
    }

    @Test
    void discovery_leaves_out_what_the_originator_may_not_discover() {
        Response acp = node.create("cse-in/AE1", "Cae1", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"rn\":\"disc\",\"pv\":{\"acr\":[{\"acor\":[\"Cae2\"],\"acop\":34}]},"
                        + "\"pvs\":{\"acr\":[{\"acor\":[\"Cae1\"],\"acop\":63}]}}}");
        node.update("cse-in/AE1/cnt", "Cae1", "{\"m2m:cnt\":{\"acpi\":[\"" + TestNode.ri(acp) + "\"]}}");
        node.create("cse-in/AE1/cnt", TestNode.ADMIN, ResourceType.CONTENT_INSTANCE,
                "{\"m2m:cin\":{\"rn\":\"i1\",\"con\":\"x\"}}");
        node.create("cse-in/AE1/cnt", TestNode.ADMIN, ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"private\"}}");
        FilterCriteria discovery = new FilterCriteria(1, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        Response r = node.cse.send(node.request(Operation.RETRIEVE, "cse-in/AE1/cnt", "Cae2")
                .filterCriteria(discovery).build());
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
        List<String> found = new ArrayList<>();
        r.content().get("m2m:uril").forEach(u -> found.add(u.asText()));
        assertThat(found).anyMatch(u -> u.endsWith("cnt/i1")).noneMatch(u -> u.endsWith("private"));
    }

    @Test
    void the_admin_is_always_allowed() {
        givenAnAcpGrantingRetrieveToAe2();
        assertThat(node.update("cse-in/AE1/cnt", TestNode.ADMIN, "{\"m2m:cnt\":{\"lbl\":[\"a\"]}}").statusCode())
                .isEqualTo(ResponseStatusCode.UPDATED);
        assertThat(node.delete("cse-in/AE1/acp", TestNode.ADMIN).statusCode()).isEqualTo(ResponseStatusCode.DELETED);
    }

    @Test
    void subscribing_needs_retrieve_on_the_subscribed_resource() {
        Response acp = node.create("cse-in/AE1", "Cae1", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"rn\":\"createOnly\",\"pv\":{\"acr\":[{\"acor\":[\"Cae2\"],\"acop\":1}]},"
                        + "\"pvs\":{\"acr\":[{\"acor\":[\"Cae1\"],\"acop\":63}]}}}");
        node.update("cse-in/AE1/cnt", "Cae1", "{\"m2m:cnt\":{\"acpi\":[\"" + TestNode.ri(acp) + "\"]}}");
        Response r = node.create("cse-in/AE1/cnt", "Cae2", ResourceType.SUBSCRIPTION,
                "{\"m2m:sub\":{\"nu\":[\"Cae2\"]}}");
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(r.debugMessage()).contains("Cae2").contains("RETRIEVE").contains("cse-in/AE1/cnt");
    }

    @Test
    void refuses_malformed_policies_with_4000_and_a_clear_message() {
        Response noSelf = node.create("cse-in/AE1", "Cae1", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"pv\":{\"acr\":[]},\"pvs\":{\"acr\":[]}}}");
        Response badAcop = node.create("cse-in/AE1", "Cae1", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"pv\":{\"acr\":[{\"acor\":[\"all\"],\"acop\":\"x\"}]},"
                        + "\"pvs\":{\"acr\":[{\"acor\":[\"Cae1\"],\"acop\":63}]}}}");
        Response badAcor = node.create("cse-in/AE1", "Cae1", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"pv\":{\"acr\":[{\"acor\":\"Cae2\",\"acop\":2}]},"
                        + "\"pvs\":{\"acr\":[{\"acor\":[\"Cae1\"],\"acop\":63}]}}}");
        Response outOfRange = node.create("cse-in/AE1", "Cae1", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"pv\":{\"acr\":[{\"acor\":[\"Cae2\"],\"acop\":64}]},"
                        + "\"pvs\":{\"acr\":[{\"acor\":[\"Cae1\"],\"acop\":63}]}}}");
        Response noPv = node.create("cse-in/AE1", "Cae1", ResourceType.ACCESS_CONTROL_POLICY,
                "{\"m2m:acp\":{\"pvs\":{\"acr\":[{\"acor\":[\"Cae1\"],\"acop\":63}]}}}");
        assertThat(noSelf.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(noSelf.debugMessage()).contains("pvs");
        assertThat(badAcop.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(badAcop.debugMessage()).contains("acop");
        assertThat(badAcor.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(badAcor.debugMessage()).contains("acor");
        assertThat(outOfRange.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(noPv.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(noPv.debugMessage()).contains("pv");
        assertThat(node.store.children("Cae1", ResourceType.ACCESS_CONTROL_POLICY, 0, 10)).isEmpty();
    }

    @Test
    void updating_a_policy_keeps_at_least_one_self_privilege_rule() {
        givenAnAcpGrantingRetrieveToAe2();
        assertThat(node.update("cse-in/AE1/acp", "Cae1", "{\"m2m:acp\":{\"pvs\":{\"acr\":[]}}}").statusCode())
                .isEqualTo(ResponseStatusCode.BAD_REQUEST);
        assertThat(node.update("cse-in/AE1/acp", "Cae1",
                "{\"m2m:acp\":{\"pv\":{\"acr\":[{\"acor\":[\"Cae2\"],\"acop\":6}]}}}").statusCode())
                .isEqualTo(ResponseStatusCode.UPDATED);
        assertThat(node.update("cse-in/AE1/cnt", "Cae2", "{\"m2m:cnt\":{\"lbl\":[\"y\"]}}").statusCode())
                .isEqualTo(ResponseStatusCode.UPDATED);
    }
}

package org.oneedge.cse.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;

class AccessControlEvaluatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicLong tick = new AtomicLong();
    private InMemoryResourceStore store;
    private AccessControlEvaluator evaluator;
    private Resource cseBase;
    private Resource ae1;

    @BeforeEach
    void setUp() throws Exception {
        store = new InMemoryResourceStore();
        evaluator = new AccessControlEvaluator(store, new OriginatorId("/id-in", "oneedge.example"), "CAdmin",
                Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));
        cseBase = put("id-in", "", ResourceType.CSE_BASE, "cse-in", "cse-in", "{\"csi\":\"/id-in\"}");
        ae1 = put("CAE1", "id-in", ResourceType.AE, "AE1", "cse-in/AE1", "{\"aei\":\"CAE1\",\"api\":\"Napp\"}");
    }

    private Resource put(String ri, String pi, ResourceType type, String rn, String path, String json)
            throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z").plusMillis(tick.incrementAndGet());
        Resource r = new Resource(ri, pi, type, rn, path, t, t, null, (ObjectNode) JSON.readTree(json));
        store.apply(new Write.Create(r));
        return r;
    }

    private Resource acp(String ri, String pv, String pvs) throws Exception {
        return put(ri, "CAE1", ResourceType.ACCESS_CONTROL_POLICY, ri, "cse-in/AE1/" + ri,
                "{\"pv\":" + pv + ",\"pvs\":" + pvs + "}");
    }

    private boolean allowed(String originator, Operation op, Resource target) {
        return evaluator.decide(AccessRequest.of(originator, op), target).granted();
    }

    @Test
    void owner_ae_has_full_rights_on_its_subtree_without_acpi() throws Exception {
        Resource cnt = put("cnt1", "CAE1", ResourceType.CONTAINER, "cnt1", "cse-in/AE1/cnt1", "{}");
        assertThat(allowed("CAE1", Operation.DELETE, cnt)).isTrue();
        assertThat(allowed("/id-in/CAE1", Operation.UPDATE, cnt)).isTrue();
        assertThat(allowed("CAE2", Operation.RETRIEVE, cnt)).isFalse();
    }

    @Test
    void refuses_foreign_originator_and_names_it_in_the_reason() throws Exception {
        Resource cnt = put("cnt1", "CAE1", ResourceType.CONTAINER, "cnt1", "cse-in/AE1/cnt1", "{}");
        AccessDecision decision = evaluator.decide(AccessRequest.of("CAE2", Operation.RETRIEVE), cnt);
        assertThat(decision.granted()).isFalse();
        assertThat(decision.reason()).contains("CAE2").contains("RETRIEVE").contains("cse-in/AE1/cnt1");
    }

    @Test
    void acpi_grants_listed_originators_only_for_the_listed_operations() throws Exception {
        acp("acp1", "{\"acr\":[{\"acor\":[\"CAE2\"],\"acop\":2}]}", "{\"acr\":[{\"acor\":[\"CAE1\"],\"acop\":63}]}");
        Resource cnt = put("cnt1", "CAE1", ResourceType.CONTAINER, "cnt1", "cse-in/AE1/cnt1",
                "{\"acpi\":[\"acp1\"]}");
        assertThat(allowed("CAE2", Operation.RETRIEVE, cnt)).isTrue();
        assertThat(allowed("CAE2", Operation.UPDATE, cnt)).isFalse();
        assertThat(allowed("CAE3", Operation.RETRIEVE, cnt)).isFalse();
        // with acpi set, the owner has only what the policies give it
        assertThat(allowed("CAE1", Operation.RETRIEVE, cnt)).isFalse();
    }

    @Test
    void content_instance_follows_its_container() throws Exception {
        acp("acp1", "{\"acr\":[{\"acor\":[\"CAE2\"],\"acop\":2}]}", "{\"acr\":[{\"acor\":[\"CAE1\"],\"acop\":63}]}");
        put("cnt1", "CAE1", ResourceType.CONTAINER, "cnt1", "cse-in/AE1/cnt1", "{\"acpi\":[\"/id-in/acp1\"]}");
        Resource cin = put("cin1", "cnt1", ResourceType.CONTENT_INSTANCE, "cin1", "cse-in/AE1/cnt1/cin1",
                "{\"con\":\"x\"}");
        assertThat(allowed("CAE2", Operation.RETRIEVE, cin)).isTrue();
        assertThat(allowed("CAE2", Operation.DELETE, cin)).isFalse();
    }

    @Test
    void acp_itself_is_governed_by_its_self_privileges() throws Exception {
        Resource acp = acp("acp1", "{\"acr\":[{\"acor\":[\"all\"],\"acop\":63}]}",
                "{\"acr\":[{\"acor\":[\"CAE9\"],\"acop\":6}]}");
        assertThat(allowed("CAE9", Operation.UPDATE, acp)).isTrue();
        assertThat(allowed("CAE9", Operation.DELETE, acp)).isFalse();
        assertThat(allowed("CAE1", Operation.RETRIEVE, acp)).isFalse();
    }

    @Test
    void admin_and_cse_itself_are_always_allowed() throws Exception {
        Resource cnt = put("cnt1", "CAE1", ResourceType.CONTAINER, "cnt1", "cse-in/AE1/cnt1", "{\"acpi\":[]}");
        assertThat(allowed("CAdmin", Operation.DELETE, cnt)).isTrue();
        assertThat(allowed("/id-in/CAdmin", Operation.DELETE, cnt)).isTrue();
        assertThat(allowed("/id-in", Operation.UPDATE, cnt)).isTrue();
    }

    @Test
    void wildcards_and_all_match_as_the_digest_says() throws Exception {
        acp("acp1", "{\"acr\":[{\"acor\":[\"/id-mn/*\",\"C98*\"],\"acop\":2},{\"acor\":[\"all\"],\"acop\":32}]}",
                "{\"acr\":[{\"acor\":[\"CAE1\"],\"acop\":63}]}");
        Resource cnt = put("cnt1", "CAE1", ResourceType.CONTAINER, "cnt1", "cse-in/AE1/cnt1", "{\"acpi\":[\"acp1\"]}");
        assertThat(allowed("/id-mn/CAE7", Operation.RETRIEVE, cnt)).isTrue();
        assertThat(allowed("//oneedge.example/id-mn/CAE7", Operation.RETRIEVE, cnt)).isTrue();
        assertThat(allowed("/id-mn/cse-mn/x", Operation.RETRIEVE, cnt)).isFalse();
        assertThat(allowed("C9812", Operation.RETRIEVE, cnt)).isTrue();
        assertThat(allowed("C97", Operation.RETRIEVE, cnt)).isFalse();
        assertThat(evaluator.decide(AccessRequest.discovery("anyone"), cnt).granted()).isTrue();
    }

    @Test
    void create_of_ae_skips_the_check_and_registered_aes_may_retrieve_the_cse_base() {
        assertThat(evaluator.decide(AccessRequest.create("Cnew", ResourceType.AE.ty()), cseBase).granted()).isTrue();
        assertThat(evaluator.decide(AccessRequest.create("Cnew", ResourceType.CONTAINER.ty()), cseBase).granted())
                .isFalse();
        assertThat(allowed("CAE1", Operation.RETRIEVE, cseBase)).isTrue();
        assertThat(allowed("Cunknown", Operation.RETRIEVE, cseBase)).isFalse();
    }

    @Test
    void child_type_limits_of_acod_apply_to_create() throws Exception {
        acp("acp1", "{\"acr\":[{\"acor\":[\"CAE2\"],\"acop\":1,\"acod\":[{\"chty\":[4]}]}]}",
                "{\"acr\":[{\"acor\":[\"CAE1\"],\"acop\":63}]}");
        Resource cnt = put("cnt1", "CAE1", ResourceType.CONTAINER, "cnt1", "cse-in/AE1/cnt1", "{\"acpi\":[\"acp1\"]}");
        assertThat(evaluator.decide(AccessRequest.create("CAE2", 4), cnt).granted()).isTrue();
        assertThat(evaluator.decide(AccessRequest.create("CAE2", 3), cnt).granted()).isFalse();
    }

    @Test
    void time_windows_restrict_a_rule() throws Exception {
        acp("acp1", "{\"acr\":[{\"acor\":[\"CAE2\"],\"acop\":2,\"acco\":[{\"actw\":[\"* * 9-11 * * *\"]}]},"
                + "{\"acor\":[\"CAE3\"],\"acop\":2,\"acco\":[{\"actw\":[\"* * 12-13 * * *\"]}]}]}",
                "{\"acr\":[{\"acor\":[\"CAE1\"],\"acop\":63}]}");
        Resource cnt = put("cnt1", "CAE1", ResourceType.CONTAINER, "cnt1", "cse-in/AE1/cnt1", "{\"acpi\":[\"acp1\"]}");
        assertThat(allowed("CAE2", Operation.RETRIEVE, cnt)).isTrue();
        assertThat(allowed("CAE3", Operation.RETRIEVE, cnt)).isFalse();
    }

    @Test
    void acpi_update_is_judged_by_self_privileges_of_current_policies() throws Exception {
        acp("acp1", "{\"acr\":[{\"acor\":[\"CAE2\"],\"acop\":63}]}", "{\"acr\":[{\"acor\":[\"CAE3\"],\"acop\":4}]}");
        Resource cnt = put("cnt1", "CAE1", ResourceType.CONTAINER, "cnt1", "cse-in/AE1/cnt1", "{\"acpi\":[\"acp1\"]}");
        assertThat(evaluator.decideAcpiUpdate("CAE3", cnt).granted()).isTrue();
        assertThat(evaluator.decideAcpiUpdate("CAE2", cnt).granted()).isFalse();
        Resource bare = put("cnt2", "CAE1", ResourceType.CONTAINER, "cnt2", "cse-in/AE1/cnt2", "{}");
        assertThat(evaluator.decideAcpiUpdate("CAE1", bare).granted()).isTrue();
        assertThat(evaluator.decideAcpiUpdate("CAE2", bare).granted()).isFalse();
    }

    @Test
    void missing_policies_fall_back_to_the_default_policy() throws Exception {
        Resource cnt = put("cnt1", "CAE1", ResourceType.CONTAINER, "cnt1", "cse-in/AE1/cnt1",
                "{\"acpi\":[\"gone\"],\"cr\":\"CAE5\"}");
        assertThat(allowed("CAE5", Operation.UPDATE, cnt)).isTrue();
        assertThat(allowed("CAE2", Operation.RETRIEVE, cnt)).isFalse();
    }
}

package org.oneedge.cse.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;

class AccessControlProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OriginatorId IDS = new OriginatorId("/id-in", "oneedge.example");
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<String> KNOWN = List.of("CAE1", "CAE2", "/id-in/CAE3", "/id-mn", "/id-mn/C*", "S*",
            "//oneedge.example/id-in/CAE4", "all");
    private static final int[] BITS = {1, 2, 4, 8, 16, 32};

    @Provide
    Arbitrary<AccessControlRule> rules() {
        return Combinators.combine(Arbitraries.of(KNOWN).list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers().between(1, 63))
                .as(AccessControlRule::of);
    }

    @Provide
    Arbitrary<AccessControlRule> rulesWithoutAll() {
        return Combinators.combine(
                        Arbitraries.of("CAE1", "CAE2", "/id-in/CAE3", "/id-mn", "/id-mn/C*", "CAE4*").list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.integers().between(1, 63))
                .as(AccessControlRule::of);
    }

    @Provide
    Arbitrary<AccessRequest> requests() {
        return Combinators.combine(Arbitraries.of("CAE1", "CAE2", "CAE3", "/id-mn/CX", "Sabc", "CAE4", "/id-mn"),
                Arbitraries.of(1, 2, 4, 8, 16, 32)).as((o, p) -> new AccessRequest(o, p, null));
    }

    @Property(tries = 200)
    void adding_a_rule_never_removes_a_permission(@ForAll("setsOfRules") List<AccessControlRule> rules,
                                                  @ForAll("rules") AccessControlRule extra,
                                                  @ForAll("requests") AccessRequest request) {
        SetOfAcrs before = new SetOfAcrs(rules);
        List<AccessControlRule> more = new ArrayList<>(rules);
        more.add(extra);
        if (before.permits(request, IDS, NOW)) {
            assertThat(new SetOfAcrs(more).permits(request, IDS, NOW)).isTrue();
        }
    }

    @Provide
    Arbitrary<List<AccessControlRule>> setsOfRules() {
        return rules().list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<AccessControlRule>> setsOfRulesWithoutAll() {
        return rulesWithoutAll().list().ofMaxSize(4);
    }

    @Property(tries = 200)
    void an_unlisted_originator_never_gets_any_privilege(@ForAll("setsOfRulesWithoutAll") List<AccessControlRule> rules) {
        SetOfAcrs set = new SetOfAcrs(rules);
        for (int bit : BITS) {
            assertThat(set.permits(new AccessRequest("CZZ9", bit, null), IDS, NOW)).isFalse();
            assertThat(set.permits(new AccessRequest("/id-other/CAE1", bit, null), IDS, NOW)).isFalse();
        }
    }

    @Property(tries = 50)
    void admin_is_always_allowed(@ForAll("setsOfRules") List<AccessControlRule> pv,
                                 @ForAll("setsOfRules") List<AccessControlRule> pvs,
                                 @ForAll Operation operation) throws Exception {
        InMemoryResourceStore store = new InMemoryResourceStore();
        AccessControlEvaluator evaluator = evaluator(store);
        Resource acp = put(store, "acp1", ResourceType.ACCESS_CONTROL_POLICY, policyJson(pv, pvs));
        Resource cnt = put(store, "cnt1", ResourceType.CONTAINER, "{\"acpi\":[\"acp1\"]}");
        for (Resource target : List.of(acp, cnt)) {
            assertThat(evaluator.decide(AccessRequest.of("CAdmin", operation), target).granted()).isTrue();
            assertThat(evaluator.decideAcpiUpdate("CAdmin", target).granted()).isTrue();
        }
    }

    @Property(tries = 50)
    void several_policies_grant_the_union_of_their_privileges(@ForAll("setsOfRules") List<AccessControlRule> a,
                                                              @ForAll("setsOfRules") List<AccessControlRule> b,
                                                              @ForAll("requests") AccessRequest request) throws Exception {
        InMemoryResourceStore store = new InMemoryResourceStore();
        AccessControlEvaluator evaluator = evaluator(store);
        put(store, "acpA", ResourceType.ACCESS_CONTROL_POLICY, policyJson(a, List.of()));
        put(store, "acpB", ResourceType.ACCESS_CONTROL_POLICY, policyJson(b, List.of()));
        Resource onlyA = put(store, "cntA", ResourceType.CONTAINER, "{\"acpi\":[\"acpA\"]}");
        Resource onlyB = put(store, "cntB", ResourceType.CONTAINER, "{\"acpi\":[\"acpB\"]}");
        Resource both = put(store, "cntAB", ResourceType.CONTAINER, "{\"acpi\":[\"acpA\",\"acpB\"]}");
        boolean union = evaluator.decide(request, onlyA).granted() || evaluator.decide(request, onlyB).granted();
        assertThat(evaluator.decide(request, both).granted()).isEqualTo(union);
    }

    private static AccessControlEvaluator evaluator(InMemoryResourceStore store) {
        return new AccessControlEvaluator(store, IDS, "CAdmin", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String policyJson(List<AccessControlRule> pv, List<AccessControlRule> pvs) {
        ObjectNode policy = JSON.createObjectNode();
        policy.set("pv", acrs(pv));
        policy.set("pvs", acrs(pvs));
        return policy.toString();
    }

    private static ObjectNode acrs(List<AccessControlRule> rules) {
        ObjectNode set = JSON.createObjectNode();
        ArrayNode acr = set.putArray("acr");
        for (AccessControlRule rule : rules) {
            ObjectNode r = acr.addObject();
            ArrayNode acor = r.putArray("acor");
            rule.originators().forEach(acor::add);
            r.put("acop", rule.operations());
        }
        return set;
    }

    private static Resource put(InMemoryResourceStore store, String ri, ResourceType type, String json) throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z").plusNanos(store.countChildren("CAE1", null) * 1000 + 1);
        Resource r = new Resource(ri, "CAE1", type, ri, "cse-in/AE1/" + ri, t, t, null, (ObjectNode) JSON.readTree(json));
        store.apply(new Write.Create(r));
        return r;
    }
}

package org.oneedge.federation.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.oneedge.federation.Capabilities;
import org.oneedge.federation.FederationRole;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.NodeStatus;
import org.oneedge.federation.ranking.Ranker;

/** Invariants of role assignment: eligible UP holders only, never too many, stable, order-independent. */
class RoleAssignerProperties {

    private final RoleAssigner assigner = new RoleAssigner(Ranker.withDefaults(), List.of(
            RoleRule.of(FederationRole.HANDOVER_ANCHOR, 1).withKinds(NodeKind.MN_CSE).withApis("rni"),
            RoleRule.of(FederationRole.SWARM_WORKER, 3).withMinimum(4, 0, 0),
            RoleRule.of(FederationRole.FL_PARTICIPANT, 2).withAccelerators("gpu")));

    @Property(tries = 100)
    void holders_are_up_eligible_and_never_more_than_the_rule_asks(@ForAll("nodes") List<NodeRecord> nodes) {
        RoleAssigner.Outcome outcome = assigner.assign(nodes);

        for (FederationRole role : FederationRole.values()) {
            List<NodeRecord> holders = nodes.stream()
                    .filter(n -> outcome.rolesByNode().get(n.nodeId()).contains(role)).toList();
            assertThat(holders).allSatisfy(n -> assertThat(n.status()).isEqualTo(NodeStatus.UP));
            int wanted = switch (role) {
                case HANDOVER_ANCHOR -> 1;
                case SWARM_WORKER -> 3;
                case FL_PARTICIPANT -> 2;
            };
            assertThat(holders).hasSizeLessThanOrEqualTo(wanted);
            if (role == FederationRole.FL_PARTICIPANT) {
                assertThat(holders).allSatisfy(n -> assertThat(n.capabilities().accelerators()).contains("gpu"));
            }
        }
    }

    @Property(tries = 100)
    void assigning_again_changes_nothing_and_input_order_does_not_matter(@ForAll("nodes") List<NodeRecord> nodes,
                                                                        @ForAll long seed) {
        RoleAssigner.Outcome first = assigner.assign(nodes);
        List<NodeRecord> applied = new ArrayList<>(nodes.stream()
                .map(n -> n.withRoles(first.rolesByNode().get(n.nodeId()))).toList());
        Collections.shuffle(applied, new Random(seed));
        List<NodeRecord> shuffled = new ArrayList<>(nodes);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(assigner.assign(applied).changes()).isEmpty();
        assertThat(assigner.assign(shuffled).rolesByNode()).isEqualTo(first.rolesByNode());
    }

    @Property(tries = 100)
    void a_holder_that_goes_down_loses_its_roles_and_others_keep_theirs(@ForAll("nodes") List<NodeRecord> nodes,
                                                                        @ForAll int pick) {
        Map<String, Set<FederationRole>> before = assigner.assign(nodes).rolesByNode();
        List<NodeRecord> applied = nodes.stream().map(n -> n.withRoles(before.get(n.nodeId()))).toList();
        if (applied.isEmpty()) {
            return;
        }
        NodeRecord victim = applied.get(Math.floorMod(pick, applied.size()));
        List<NodeRecord> after = applied.stream()
                .map(n -> n.nodeId().equals(victim.nodeId()) ? n.withStatus(NodeStatus.DOWN) : n).toList();

        RoleAssigner.Outcome outcome = assigner.assign(after);

        assertThat(outcome.rolesByNode().get(victim.nodeId())).isEmpty();
        for (NodeRecord n : applied) {
            if (!n.nodeId().equals(victim.nodeId())) {
                assertThat(outcome.rolesByNode().get(n.nodeId())).containsAll(before.get(n.nodeId()));
            }
        }
        assertThat(outcome.changes()).allSatisfy(c -> assertThat(c.from()).isEqualTo(victim.nodeId()));
    }

    @Provide
    Arbitrary<List<NodeRecord>> nodes() {
        Arbitrary<NodeRecord> node = Combinators.combine(Arbitraries.of(NodeKind.class),
                Arbitraries.of(NodeStatus.UP, NodeStatus.UP, NodeStatus.DOWN), Arbitraries.integers().between(1, 8),
                Arbitraries.of(List.<String>of(), List.of("gpu")), Arbitraries.of(List.<String>of(), List.of("rni")),
                Arbitraries.doubles().between(0, 100).ofScale(0))
                .as((kind, status, cpu, acc, apis, load) -> NodeRecord.builder("x", kind).status(status)
                        .capabilities(new Capabilities(cpu, 1024, 10, acc, apis))
                        .metrics(new NodeMetrics(load, 10.0, 1.0, -80.0)).build());
        return node.list().ofMaxSize(10).map(list -> IntStream.range(0, list.size()).mapToObj(i -> {
            NodeRecord n = list.get(i);
            return NodeRecord.builder("/id-n" + i, n.kind()).status(n.status()).capabilities(n.capabilities())
                    .metrics(n.metrics()).build();
        }).toList());
    }
}

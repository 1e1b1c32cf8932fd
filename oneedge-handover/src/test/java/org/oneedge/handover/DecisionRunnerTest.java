package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.ranking.Ranker;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.handover.bundle.BundleHandover;
import org.oneedge.handover.candidate.CandidateSelector;
import org.oneedge.handover.candidate.CseAnswers;
import org.oneedge.handover.candidate.FallbackHandover;
import org.oneedge.handover.candidate.TargetPreparation;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.trigger.DecisionRunner;
import org.oneedge.handover.trigger.HandoverDecision;
import org.oneedge.handover.trigger.TriggerKind;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.model.CseClient;

/** Any trigger's decision ends in the same transactions: one AE with fall-back, several as a bundle. */
class DecisionRunnerTest {

    private final Topology topology = new Topology(3);
    private final AtomicInteger txids = new AtomicInteger();
    private final TargetPreparation preparation = new CseAnswers(
            id -> Optional.ofNullable((CseClient) topology.nodes.get(id)), InProcessCse.ADMIN).asPreparation();
    private final DecisionRunner runner = new DecisionRunner(
            new CandidateSelector(r -> Ranker.withDefaults().rank(List.of(node("/id-mn1", 5), node("/id-mn2", 60),
                    node("/id-mn3", 10), node("/id-mn4", 1)), r)),
            Requirements.top(3).build(),
            new FallbackHandover(topology.coordinator, topology.registry, topology.transactions, preparation),
            new BundleHandover(topology.registry, topology.transactions, new HandoverTokenIssuer(
                    topology.coordinatorKeys.getPrivate(), Clock.systemUTC(), Duration.ofSeconds(30)),
                    id -> Optional.ofNullable(topology.nodes.get(id)), Clock.systemUTC(), 5),
            preparation, ae -> Map.of("Calarm", 9).getOrDefault(ae, 0), () -> "d" + txids.incrementAndGet());

    @AfterEach
    void close() {
        topology.close();
    }

    private static NodeRecord node(String id, double load) {
        return NodeRecord.builder(id, NodeKind.MN_CSE).metrics(new NodeMetrics(load, 5.0, 1.0, -80.0)).build();
    }

    @Test
    void a_bundle_decision_skips_the_unreachable_best_ranked_target_and_moves_all_aes_to_the_next() {
        topology.device("Ctemp", 1);
        topology.device("Calarm", 1);

        DecisionRunner.Result result = runner.run(new HandoverDecision(TriggerKind.LOAD_BALANCING,
                List.of("Ctemp", "Calarm"), "/id-mn1", List.of(), "mec-host-a", "cpu"));

        assertThat(result.completed()).isTrue();
        assertThat(result.target()).hasValue("/id-mn3");
        assertThat(result.attempts()).extracting(FallbackHandover.Attempt::cseId).containsExactly("/id-mn4", "/id-mn3");
        assertThat(result.transactions()).extracting(HandoverTransaction::aeId).containsExactly("Calarm", "Ctemp");
        assertThat(topology.registry.resolve("Ctemp").orElseThrow().servingCseId()).isEqualTo("/id-mn3");
        assertThat(topology.registry.resolve("Calarm").orElseThrow().servingCseId()).isEqualTo("/id-mn3");
    }

    @Test
    void a_single_ae_decision_goes_first_to_the_target_the_trigger_named() {
        topology.device("Cdev1", 1);

        DecisionRunner.Result result = runner.run(new HandoverDecision(TriggerKind.MEC_ASSISTED, List.of("Cdev1"),
                "/id-mn1", List.of("/id-mn2"), "10.0.0.1", "AMS"));

        assertThat(result.target()).hasValue("/id-mn2");
        assertThat(result.transactions()).singleElement()
                .satisfies(tx -> assertThat(tx.figures().targetsTried()).containsExactly("/id-mn2"));
    }
}

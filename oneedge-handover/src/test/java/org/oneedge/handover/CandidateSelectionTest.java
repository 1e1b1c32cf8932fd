package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.NodeStatus;
import org.oneedge.federation.ranking.Ranker;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.handover.candidate.CandidateSelector;
import org.oneedge.handover.candidate.CseAnswers;
import org.oneedge.handover.candidate.FallbackHandover;
import org.oneedge.handover.candidate.TargetCandidate;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.ReasonCode;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.model.CseClient;
import org.oneedge.model.ResponseStatusCode;

/** Candidates from the federation ranking and the deterministic fall-back from one target to the next. */
class CandidateSelectionTest {

    private final Topology topology = new Topology(3);
    private final CseAnswers answers = new CseAnswers(id -> Optional.ofNullable((CseClient) topology.nodes.get(id)),
            InProcessCse.ADMIN);
    private final FallbackHandover fallback = new FallbackHandover(topology.coordinator, topology.registry,
            topology.transactions, answers.asPreparation());

    @AfterEach
    void close() {
        topology.close();
    }

    private static NodeRecord mn(String id, double load, double latency) {
        return NodeRecord.builder(id, NodeKind.MN_CSE).metrics(new NodeMetrics(load, latency, 1.0, -80.0)).build();
    }

    private static final List<NodeRecord> NODES = List.of(
            mn("/id-mn1", 10, 5), mn("/id-mn2", 50, 20), mn("/id-mn3", 50, 20), mn("/id-mn4", 20, 8),
            mn("/id-mn5", 5, 2).withStatus(NodeStatus.DOWN),
            NodeRecord.builder("mec-host-a", NodeKind.MEC_HOST).metrics(new NodeMetrics(0.0, 1.0, 0.0, -50.0)).build());

    @Test
    void candidates_are_the_n_best_mn_cses_other_than_the_source_in_ranking_order_with_reasons() {
        CandidateSelector selector = new CandidateSelector(r -> Ranker.withDefaults().rank(NODES, r));

        List<TargetCandidate> candidates = selector.candidates("/id-mn1", Requirements.top(3).build());

        assertThat(candidates).extracting(TargetCandidate::cseId).containsExactly("/id-mn4", "/id-mn2", "/id-mn3");
        assertThat(candidates).extracting(TargetCandidate::rank).containsExactly(1, 2, 3);
        assertThat(candidates.get(0).reason()).contains("score");
        // /id-mn2 and /id-mn3 score the same: the CSE-ID breaks the tie, whatever the input order
        CandidateSelector reversed = new CandidateSelector(r -> Ranker.withDefaults().rank(NODES.reversed(), r));
        assertThat(reversed.candidates("/id-mn1", Requirements.top(3).build())).isEqualTo(candidates);
    }

    @Test
    void a_target_named_by_the_trigger_comes_first_and_the_ranking_follows_as_fallback() {
        CandidateSelector selector = new CandidateSelector(r -> Ranker.withDefaults().rank(NODES, r));

        List<TargetCandidate> candidates = selector.candidates("/id-mn1", List.of("/id-mn3"), "named by AMS",
                Requirements.top(2).build());

        assertThat(candidates).extracting(TargetCandidate::cseId).containsExactly("/id-mn3", "/id-mn4");
        assertThat(candidates.get(0).reason()).startsWith("named by AMS");
    }

    @Test
    void falls_back_past_an_unreachable_and_a_refusing_target_and_records_every_target_tried() {
        topology.device("Cdev1", 1);
        topology.addNode("/id-mn8", "cse-mn8", HandoverTokenIssuer.generateKeyPair()); // does not trust us

        FallbackHandover.Outcome outcome = fallback.handover("tx1", "Cdev1", List.of(
                new TargetCandidate("/id-mn9", 1, "ranked"), new TargetCandidate("/id-mn8", 2, "ranked"),
                new TargetCandidate("/id-mn2", 3, "ranked"), new TargetCandidate("/id-mn3", 4, "ranked")));

        assertThat(outcome.target()).hasValue("/id-mn2");
        assertThat(outcome.attempts()).extracting(FallbackHandover.Attempt::cseId)
                .containsExactly("/id-mn9", "/id-mn8", "/id-mn2");
        assertThat(outcome.attempts()).extracting(FallbackHandover.Attempt::outcome)
                .containsExactly("UNREACHABLE", "ROLLED_BACK TARGET_REFUSED", "COMPLETED");
        HandoverTransaction tx = outcome.transaction().orElseThrow();
        assertThat(tx.txid()).isEqualTo("tx1-2");
        assertThat(topology.transactions.find("tx1-2")).hasValue(tx);
        JsonNode resource = topology.in.admin().retrieve("cse-in/oeHandover/tx-tx1-2").content().path("oe:hoTx");
        assertThat(resource.path("tried")).extracting(JsonNode::asText)
                .containsExactly("/id-mn9", "/id-mn8", "/id-mn2");
        assertThat(resource.path("triedWhy").get(1).asText()).isEqualTo("ROLLED_BACK TARGET_REFUSED");
        assertThat(topology.registry.resolve("Cdev1").orElseThrow().servingCseId()).isEqualTo("/id-mn2");
        assertThat(topology.read(2, "cse-mn2/aeCdev1").statusCode()).isEqualTo(ResponseStatusCode.OK);
    }

    @Test
    void when_no_target_is_ready_the_ae_stays_and_the_transaction_says_why_for_each() {
        topology.device("Cdev1", 1);

        FallbackHandover.Outcome outcome = fallback.handover("tx1", "Cdev1", List.of(
                new TargetCandidate("/id-mn7", 1, "ranked"), new TargetCandidate("/id-mn9", 2, "ranked")));

        HandoverTransaction tx = outcome.transaction().orElseThrow();
        assertThat(tx.state()).isEqualTo(TransactionState.ROLLED_BACK);
        assertThat(tx.reason()).isEqualTo(ReasonCode.NO_TARGET_READY);
        assertThat(tx.figures().targetOutcomes()).containsExactly("UNREACHABLE", "UNREACHABLE");
        assertThat(topology.registry.resolve("Cdev1").orElseThrow().state()).isEqualTo(ServingState.SERVING);
        assertThat(topology.registry.resolve("Cdev1").orElseThrow().servingCseId()).isEqualTo("/id-mn1");
        assertThat(fallback.handover("tx1", "Cdev1", List.of()).transaction()).hasValue(tx);
    }
}

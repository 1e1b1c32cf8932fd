package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.ranking.Ranker;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.handover.candidate.CandidateSelector;
import org.oneedge.handover.candidate.CseAnswers;
import org.oneedge.handover.candidate.FallbackHandover;
import org.oneedge.handover.candidate.TargetCandidate;
import org.oneedge.handover.trigger.DeviceInitiatedTrigger;
import org.oneedge.handover.trigger.HandoverDecision;
import org.oneedge.model.CseClient;
import org.oneedge.model.ResponseStatusCode;

/** The device SDK asks for its own handover, to a named target or to the best candidate, and follows it. */
class DeviceInitiatedHandoverTest {

    private final Topology topology = new Topology(3);
    private final AtomicInteger txids = new AtomicInteger();
    private final List<HandoverDecision> decisions = new java.util.ArrayList<>();
    private final FallbackHandover fallback = new FallbackHandover(topology.coordinator, topology.registry,
            topology.transactions, new CseAnswers(id -> Optional.ofNullable((CseClient) topology.nodes.get(id)),
            InProcessCse.ADMIN).asPreparation());
    private final DeviceInitiatedTrigger trigger = new DeviceInitiatedTrigger(topology.registry,
            new CandidateSelector(r -> Ranker.withDefaults().rank(List.of(
                    node("/id-mn1", 5.0), node("/id-mn2", 10.0), node("/id-mn3", 90.0)), r)),
            Requirements.top(2).build(), this::run);

    @AfterEach
    void close() {
        topology.close();
    }

    private static NodeRecord node(String id, double load) {
        return NodeRecord.builder(id, NodeKind.MN_CSE).metrics(new NodeMetrics(load, 5.0, 1.0, -80.0)).build();
    }

    private Optional<String> run(HandoverDecision d) {
        decisions.add(d);
        List<TargetCandidate> candidates = new java.util.ArrayList<>();
        d.targets().forEach(t -> candidates.add(new TargetCandidate(t, candidates.size() + 1, d.reason())));
        return fallback.handover("dev-" + txids.incrementAndGet(), d.aeIds().getFirst(), candidates).target();
    }

    @Test
    void a_device_moves_to_the_target_it_names_and_keeps_sending_there() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        device.send(Topology.uplink("Cdev1", "before"));

        assertThat(device.requestHandover(trigger, "/id-mn3", "link to mn1 degrades")).hasValue("/id-mn3");

        assertThat(device.servingCseId()).isEqualTo("/id-mn3");
        assertThat(device.send(Topology.uplink("Cdev1", "after")).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(topology.read(3, "cse-mn3/aeCdev1/data").content().path("m2m:cnt").path("cni").asInt())
                .isEqualTo(2);
        assertThat(decisions.getFirst().reason()).isEqualTo("device request for /id-mn3: link to mn1 degrades");
    }

    @Test
    void without_a_name_the_device_moves_to_the_best_ranked_other_cse() {
        HandoverAwareClient device = topology.device("Cdev1", 1);

        assertThat(device.requestHandover(trigger, null, "latency")).hasValue("/id-mn2");

        assertThat(decisions.getFirst().targets()).containsExactly("/id-mn2", "/id-mn3");
        assertThat(device.servingCseId()).isEqualTo("/id-mn2");
    }

    @Test
    void asking_for_the_cse_that_serves_it_or_an_unknown_ae_moves_nothing() {
        HandoverAwareClient device = topology.device("Cdev1", 1);

        assertThat(device.requestHandover(trigger, "/id-mn1", "again")).isEmpty();
        assertThat(trigger.request("Cnobody", null, "?")).isEmpty();

        assertThat(decisions).isEmpty();
        assertThat(topology.registry.resolve("Cdev1").orElseThrow().epoch()).isEqualTo(1);
    }
}

package org.oneedge.handover.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.ranking.Ranker;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.handover.MutableClock;
import org.oneedge.handover.candidate.CandidateSelector;
import org.oneedge.mec.api.metrics.MetricName;
import org.oneedge.mec.api.metrics.MetricsThresholdNotification;
import org.oneedge.mec.api.metrics.ThresholdDirection;

/** Threshold notifications from the platform metrics service move a capped number of AEs to the best-ranked CSE. */
class LoadBalancingTriggerTest {

    private static final List<NodeRecord> NODES = List.of(
            NodeRecord.builder("/id-mn1", NodeKind.MN_CSE).metrics(new NodeMetrics(95.0, 5.0, 1.0, -80.0)).build(),
            NodeRecord.builder("/id-mn2", NodeKind.MN_CSE).metrics(new NodeMetrics(40.0, 10.0, 1.0, -80.0)).build(),
            NodeRecord.builder("/id-mn3", NodeKind.MN_CSE).metrics(new NodeMetrics(10.0, 10.0, 1.0, -80.0)).build());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoadBalancingTrigger trigger = new LoadBalancingTrigger(
            new LoadBalancingTrigger.Config(2, Duration.ofMinutes(1), Requirements.top(2).build()), clock,
            new CandidateSelector(r -> Ranker.withDefaults().rank(NODES, r)),
            host -> Optional.ofNullable(Map.of("mec-host-a", "/id-mn1").get(host)),
            cse -> cse.equals("/id-mn1") ? List.of("Cd", "Cb", "Cpinned", "Ca", "Cc") : List.of(),
            Set.of("Cpinned")::contains);

    private static MetricsThresholdNotification crossing(String host, ThresholdDirection direction) {
        return new MetricsThresholdNotification(MetricsThresholdNotification.TYPE, host, MetricName.CPU_LOAD, 0.8,
                direction, 0.93, null, null);
    }

    @Test
    void an_overloaded_host_sheds_the_capped_number_of_aes_in_ae_id_order_to_the_best_ranked_cse() {
        List<HandoverDecision> decisions = trigger.onThreshold(crossing("mec-host-a", ThresholdDirection.ABOVE));

        assertThat(decisions).extracting(d -> d.aeIds().getFirst()).containsExactly("Ca", "Cb");
        assertThat(decisions).allSatisfy(d -> {
            assertThat(d.trigger()).isEqualTo(TriggerKind.LOAD_BALANCING);
            assertThat(d.sourceCseId()).isEqualTo("/id-mn1");
            assertThat(d.targets()).containsExactly("/id-mn3", "/id-mn2");
            assertThat(d.reason()).contains("cpuLoad 0.93 above 0.80 on mec-host-a", "score");
        });
    }

    @Test
    void the_cap_holds_for_the_period_and_pinned_aes_never_move() {
        trigger.onThreshold(crossing("mec-host-a", ThresholdDirection.ABOVE));
        clock.advance(Duration.ofSeconds(30));
        assertThat(trigger.onThreshold(crossing("mec-host-a", ThresholdDirection.ABOVE))).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        List<HandoverDecision> next = trigger.onThreshold(crossing("mec-host-a", ThresholdDirection.ABOVE));

        assertThat(next).hasSize(2).noneMatch(d -> d.aeIds().contains("Cpinned"));
    }

    @Test
    void recovery_and_hosts_without_a_cse_move_nothing() {
        assertThat(trigger.onThreshold(crossing("mec-host-a", ThresholdDirection.BELOW))).isEmpty();
        assertThat(trigger.onThreshold(crossing("mec-host-z", ThresholdDirection.ABOVE))).isEmpty();
    }
}

package org.oneedge.federation.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneedge.federation.Capabilities;
import org.oneedge.federation.Location;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.NodeStatus;

class RankerTest {

    private static final Location CENTRE = new Location(48.8566, 2.3522, "zone1");

    private static NodeRecord node(String id, String trust, List<String> apis, NodeMetrics metrics, Location at) {
        return NodeRecord.builder(id, NodeKind.MN_CSE).trustDomain(trust).owner("op-" + trust)
                .capabilities(new Capabilities(4, 8192, 100, List.of(), apis)).metrics(metrics).location(at).build();
    }

    private final NodeRecord fast = node("/id-mn1", "A", List.of("rni", "location"),
            new NodeMetrics(10.0, 5.0, 1.0, -70.0), CENTRE);
    private final NodeRecord slow = node("/id-mn2", "A", List.of("rni"),
            new NodeMetrics(50.0, 80.0, 2.0, -100.0), new Location(48.86, 2.36, "zone1"));
    private final NodeRecord foreign = node("/id-mn3", "B", List.of("rni"),
            new NodeMetrics(0.0, 1.0, 0.0, -50.0), CENTRE);
    private final NodeRecord noRni = node("/id-mn4", "A", List.of("location"),
            new NodeMetrics(0.0, 1.0, 0.0, -50.0), CENTRE);
    private final NodeRecord far = node("/id-mn5", "A", List.of("rni"),
            new NodeMetrics(0.0, 1.0, 0.0, -50.0), new Location(48.95, 2.35, "zone9"));
    private final NodeRecord down = node("/id-mn6", "A", List.of("rni"),
            new NodeMetrics(0.0, 1.0, 0.0, -50.0), CENTRE).withStatus(NodeStatus.DOWN);

    @Test
    void keeps_the_n_best_and_says_why_every_other_node_was_excluded() {
        Requirements r = Requirements.top(2).requiredApis("rni").allowedTrustDomains("A").homeTrustDomain("A")
                .within(CENTRE, 5).build();

        Ranking ranking = Ranker.withDefaults().rank(List.of(down, far, noRni, foreign, slow, fast), r);

        assertThat(ranking.selectedIds()).containsExactly("/id-mn1", "/id-mn2");
        assertThat(ranking.selected().get(0).reason()).startsWith("#1 /id-mn1: score ");
        assertThat(ranking.selected().get(0).breakdown().score())
                .isGreaterThan(ranking.selected().get(1).breakdown().score());
        assertThat(ranking.excluded()).extracting(Exclusion::nodeId, Exclusion::reasons).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/id-mn3", List.of("trust domain B not allowed")),
                org.assertj.core.groups.Tuple.tuple("/id-mn4", List.of("missing api rni")),
                org.assertj.core.groups.Tuple.tuple("/id-mn5", List.of("distance 10.4 km > 5 km")),
                org.assertj.core.groups.Tuple.tuple("/id-mn6", List.of("DOWN")));
    }

    @Test
    void normalises_each_metric_to_zero_one_on_fixed_scales() {
        ScoreBreakdown b = Ranker.withDefaults().score(fast, Requirements.top(1).homeTrustDomain("B").build());

        assertThat(b.load()).isEqualTo(0.9);
        assertThat(b.latency()).isEqualTo(1 - 5.0 / 200);
        assertThat(b.cost()).isEqualTo(0.9);
        assertThat(b.radioQuality()).isEqualTo(70.0 / 96);
        assertThat(b.trust()).isEqualTo(0.5);
        assertThat(b.score()).isBetween(0.0, 1.0);
    }

    @Test
    void breaks_score_ties_by_cse_id() {
        NodeRecord b = node("/id-b", "A", List.of(), new NodeMetrics(10.0, 10.0, 1.0, -80.0), CENTRE);
        NodeRecord a = node("/id-a", "A", List.of(), new NodeMetrics(10.0, 10.0, 1.0, -80.0), CENTRE);

        Ranking ranking = Ranker.withDefaults().rank(List.of(b, a), Requirements.top(2).build());

        assertThat(ranking.selectedIds()).containsExactly("/id-a", "/id-b");
    }

    @Test
    void ranks_by_the_radio_quality_the_device_observes_when_given() {
        NodeRecord a = node("/id-a", "A", List.of(), new NodeMetrics(10.0, 10.0, 1.0, -60.0), CENTRE);
        NodeRecord b = node("/id-b", "A", List.of(), new NodeMetrics(10.0, 10.0, 1.0, -60.0), CENTRE);
        Requirements seenByUe = Requirements.top(2).observedRsrp(java.util.Map.of("/id-a", -120.0, "/id-b", -65.0))
                .build();

        Ranking ranking = Ranker.withDefaults().rank(List.of(a, b), seenByUe);

        assertThat(ranking.selectedIds()).containsExactly("/id-b", "/id-a");
        assertThat(ranking.selected().get(1).breakdown().radioQuality()).isEqualTo(20.0 / 96);
    }

    @Test
    void excludes_by_owner_policy_cost_and_load_with_the_figures_in_the_reason() {
        Requirements r = Requirements.top(3).excludedOwners("op-A").maxCostPerHour(0.5).maxLoadPercent(40.0).build();

        Ranking ranking = Ranker.withDefaults().rank(List.of(slow), r);

        assertThat(ranking.excluded().get(0).reasons())
                .containsExactly("owner op-A excluded by policy", "cost 2 > 0.5", "load 50 % > 40 %");
    }
}

package org.oneedge.federation.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.oneedge.federation.Capabilities;
import org.oneedge.federation.HostingState;
import org.oneedge.federation.Location;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.NodeStatus;

/** Invariants of the N-best ranking over arbitrary node sets and requirements. */
class RankerProperties {

    private final Ranker ranker = Ranker.withDefaults();

    @Property(tries = 100)
    void same_inputs_in_any_order_give_the_same_ranking(@ForAll("nodes") List<NodeRecord> nodes,
                                                        @ForAll("requirements") Requirements r, @ForAll long seed) {
        List<NodeRecord> shuffled = new ArrayList<>(nodes);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(ranker.rank(shuffled, r)).isEqualTo(ranker.rank(nodes, r));
        assertThat(ranker.rank(nodes, r)).isEqualTo(ranker.rank(nodes, r));
    }

    @Property(tries = 100)
    void kept_candidates_satisfy_every_hard_requirement(@ForAll("nodes") List<NodeRecord> nodes,
                                                        @ForAll("requirements") Requirements r) {
        Ranking ranking = ranker.rank(nodes, r);

        assertThat(ranking.selected()).hasSizeLessThanOrEqualTo(r.count());
        for (Candidate c : concat(ranking.selected(), ranking.reserve())) {
            NodeRecord n = c.node();
            assertThat(n.status()).isEqualTo(NodeStatus.UP);
            assertThat(n.capabilities().apis()).containsAll(r.requiredApis());
            if (!r.allowedTrustDomains().isEmpty()) {
                assertThat(r.allowedTrustDomains()).contains(n.trustDomain());
            }
            assertThat(r.excludedOwners()).doesNotContain(n.owner());
            if (r.maxCostPerHour() != null) {
                assertThat(n.metrics().costPerHour()).isLessThanOrEqualTo(r.maxCostPerHour());
            }
            if (r.maxDistanceKm() != null) {
                assertThat(r.near().distanceKm(n.location())).isLessThanOrEqualTo(r.maxDistanceKm());
            }
            assertThat(c.breakdown().score()).isBetween(0.0, 1.0);
        }
    }

    @Property(tries = 100)
    void every_node_is_kept_or_excluded_with_a_reason(@ForAll("nodes") List<NodeRecord> nodes,
                                                      @ForAll("requirements") Requirements r) {
        Ranking ranking = ranker.rank(nodes, r);

        assertThat(ranking.excluded()).allSatisfy(e -> assertThat(e.reasons()).isNotEmpty()
                .allSatisfy(reason -> assertThat(reason).isNotBlank()));
        assertThat(ranking.selected().size() + ranking.reserve().size() + ranking.excluded().size())
                .isEqualTo(nodes.size());
    }

    @Property(tries = 100)
    void adding_a_worse_node_never_changes_the_top_of_the_list(@ForAll("nodes") List<NodeRecord> nodes,
                                                               @ForAll("requirements") Requirements r,
                                                               @ForAll("node") NodeRecord extra) {
        NodeRecord added = extra.toBuilder().build();
        List<NodeRecord> more = new ArrayList<>(nodes);
        NodeRecord renamed = NodeRecord.builder("/id-extra", added.kind()).capabilities(added.capabilities())
                .location(added.location()).hostingState(added.hostingState()).trustDomain(added.trustDomain())
                .owner(added.owner()).status(added.status()).metrics(added.metrics()).build();
        more.add(renamed);

        Ranking before = ranker.rank(nodes, r);
        Ranking after = ranker.rank(more, r);

        if (!after.selectedIds().contains("/id-extra")) {
            assertThat(after.selectedIds()).isEqualTo(before.selectedIds());
        } else {
            List<String> withoutExtra = new ArrayList<>(after.selectedIds());
            withoutExtra.remove("/id-extra");
            assertThat(before.selectedIds()).startsWith(withoutExtra.toArray(String[]::new));
        }
    }

    @Provide
    Arbitrary<List<NodeRecord>> nodes() {
        return node().list().ofMaxSize(12).map(list -> IntStream.range(0, list.size())
                .mapToObj(i -> rename(list.get(i), "/id-n" + i)).collect(Collectors.toList()));
    }

    private static NodeRecord rename(NodeRecord n, String id) {
        return NodeRecord.builder(id, n.kind()).capabilities(n.capabilities()).location(n.location())
                .hostingState(n.hostingState()).trustDomain(n.trustDomain()).owner(n.owner()).status(n.status())
                .metrics(n.metrics()).build();
    }

    @Provide
    Arbitrary<NodeRecord> node() {
        Arbitrary<Double> load = Arbitraries.doubles().between(0, 100).ofScale(1).injectNull(0.1);
        Arbitrary<Double> latency = Arbitraries.doubles().between(0, 300).ofScale(1).injectNull(0.1);
        Arbitrary<Double> cost = Arbitraries.doubles().between(0, 12).ofScale(2).injectNull(0.1);
        Arbitrary<Double> rsrp = Arbitraries.doubles().between(-150, -40).ofScale(1).injectNull(0.1);
        Arbitrary<NodeMetrics> metrics = Combinators.combine(load, latency, cost, rsrp).as(NodeMetrics::new);
        Arbitrary<List<String>> apis = Arbitraries.of("rni", "location", "ams", "onem2m").list().ofMaxSize(3);
        Arbitrary<Location> at = Combinators.combine(Arbitraries.doubles().between(48.5, 49.0).ofScale(3),
                Arbitraries.doubles().between(2.0, 2.6).ofScale(3)).as((la, lo) -> new Location(la, lo, null));
        return Combinators.combine(Arbitraries.of(NodeKind.class), Arbitraries.of("A", "B", "C"),
                Arbitraries.of(NodeStatus.class), metrics, apis, at, Arbitraries.of(HostingState.class))
                .as((kind, trust, status, m, a, loc, hosting) -> NodeRecord.builder("/id-x", kind).trustDomain(trust)
                        .owner("op-" + trust).status(status).metrics(m).location(loc).hostingState(hosting)
                        .capabilities(new Capabilities(4, 4096, 50, List.of(), a)).build());
    }

    @Provide
    Arbitrary<Requirements> requirements() {
        Arbitrary<Integer> count = Arbitraries.integers().between(1, 6);
        Arbitrary<List<String>> apis = Arbitraries.of("rni", "location").list().ofMaxSize(1);
        Arbitrary<List<String>> trust = Arbitraries.of("A", "B", "C").list().ofMaxSize(2);
        Arbitrary<Double> maxCost = Arbitraries.doubles().between(0, 12).ofScale(1).injectNull(0.5);
        Arbitrary<Double> maxKm = Arbitraries.doubles().between(1, 60).ofScale(1).injectNull(0.5);
        Arbitrary<Boolean> excludeC = Arbitraries.of(true, false);
        return Combinators.combine(count, apis, trust, maxCost, maxKm, excludeC).as((n, a, t, c, km, ex) -> {
            Requirements.Builder b = Requirements.top(n).requiredApis(a).allowedTrustDomains(t.toArray(String[]::new))
                    .homeTrustDomain("A").maxCostPerHour(c);
            if (ex) {
                b.excludedOwners("op-C");
            }
            if (km != null) {
                b.within(new Location(48.75, 2.3, null), km);
            }
            return b.build();
        });
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}

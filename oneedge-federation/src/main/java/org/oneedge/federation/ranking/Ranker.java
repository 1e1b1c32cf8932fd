package org.oneedge.federation.ranking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.oneedge.federation.Capabilities;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.NodeStatus;

/**
 * Ranks federation nodes against {@link Requirements} (HANDOVER.md "Candidate selection"): a pure, deterministic
 * function of the node records — the same records in any order give the same {@link Ranking}. Exclusions list
 * every failed requirement in a fixed order; kept candidates are sorted by score (higher first), then node id.
 */
public final class Ranker {

    private static final Comparator<Candidate> ORDER = Comparator
            .comparingDouble((Candidate c) -> c.breakdown().score()).reversed()
            .thenComparing(Candidate::nodeId);

    private final RankingWeights weights;
    private final MetricScales scales;

    public Ranker(RankingWeights weights, MetricScales scales) {
        this.weights = weights;
        this.scales = scales;
    }

    /** A ranker with {@link RankingWeights#DEFAULTS} and {@link MetricScales#DEFAULTS}. */
    public static Ranker withDefaults() {
        return new Ranker(RankingWeights.DEFAULTS, MetricScales.DEFAULTS);
    }

    /**
     * @throws IllegalArgumentException when two records share a node id (the registry never produces that)
     */
    public Ranking rank(Collection<NodeRecord> nodes, Requirements requirements) {
        Set<String> seen = new HashSet<>();
        List<Candidate> eligible = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (NodeRecord node : nodes) {
            if (!seen.add(node.nodeId())) {
                throw new IllegalArgumentException("node " + node.nodeId() + " appears twice in the ranking input");
            }
            List<String> reasons = violations(node, requirements);
            if (reasons.isEmpty()) {
                eligible.add(new Candidate(0, node, score(node, requirements)));
            } else {
                excluded.add(new Exclusion(node, reasons));
            }
        }
        eligible.sort(ORDER);
        excluded.sort(Comparator.comparing(Exclusion::nodeId));
        List<Candidate> selected = new ArrayList<>();
        List<Candidate> reserve = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            Candidate c = eligible.get(i);
            Candidate ranked = new Candidate(i + 1, c.node(), c.breakdown());
            (i < requirements.count() ? selected : reserve).add(ranked);
        }
        return new Ranking(selected, reserve, excluded);
    }

    /** Every hard requirement {@code node} fails, as readable reasons; empty when it is eligible. */
    public List<String> violations(NodeRecord node, Requirements r) {
        List<String> reasons = new ArrayList<>();
        if (node.status() != NodeStatus.UP) {
            reasons.add(node.status().name());
        }
        if (!r.kinds().isEmpty() && !r.kinds().contains(node.kind())) {
            reasons.add("kind " + node.kind() + " not allowed");
        }
        if (!r.hostingStates().isEmpty() && !r.hostingStates().contains(node.hostingState())) {
            reasons.add("hosting state " + node.hostingState() + " not allowed");
        }
        Capabilities cap = node.capabilities();
        for (String api : r.requiredApis()) {
            if (!cap.apis().contains(api)) {
                reasons.add("missing api " + api);
            }
        }
        for (String acc : r.requiredAccelerators()) {
            if (!cap.accelerators().contains(acc)) {
                reasons.add("missing accelerator " + acc);
            }
        }
        if (cap.cpuCores() < r.minCpuCores()) {
            reasons.add("cpu " + cap.cpuCores() + " cores < " + r.minCpuCores());
        }
        if (cap.memoryMb() < r.minMemoryMb()) {
            reasons.add("memory " + cap.memoryMb() + " MB < " + r.minMemoryMb() + " MB");
        }
        if (cap.storageGb() < r.minStorageGb()) {
            reasons.add("storage " + cap.storageGb() + " GB < " + r.minStorageGb() + " GB");
        }
        if (!r.allowedTrustDomains().isEmpty() && !r.allowedTrustDomains().contains(node.trustDomain())) {
            reasons.add("trust domain " + node.trustDomain() + " not allowed");
        }
        if (node.owner() != null && r.excludedOwners().contains(node.owner())) {
            reasons.add("owner " + node.owner() + " excluded by policy");
        }
        NodeMetrics m = node.metrics();
        if (r.maxCostPerHour() != null) {
            if (m.costPerHour() == null) {
                reasons.add("cost unknown, max " + fmt(r.maxCostPerHour()));
            } else if (m.costPerHour() > r.maxCostPerHour()) {
                reasons.add("cost " + fmt(m.costPerHour()) + " > " + fmt(r.maxCostPerHour()));
            }
        }
        if (r.maxLoadPercent() != null) {
            if (m.loadPercent() == null) {
                reasons.add("load unknown, max " + fmt(r.maxLoadPercent()) + " %");
            } else if (m.loadPercent() > r.maxLoadPercent()) {
                reasons.add("load " + fmt(m.loadPercent()) + " % > " + fmt(r.maxLoadPercent()) + " %");
            }
        }
        if (r.maxDistanceKm() != null) {
            if (!node.location().hasPoint()) {
                reasons.add("location unknown, max distance " + fmt(r.maxDistanceKm()) + " km");
            } else {
                double d = r.near().distanceKm(node.location());
                if (d > r.maxDistanceKm()) {
                    reasons.add("distance " + fmt(d) + " km > " + fmt(r.maxDistanceKm()) + " km");
                }
            }
        }
        return reasons;
    }

    /** The normalised metrics and weighted score of {@code node} for a requester described by {@code r}. */
    public ScoreBreakdown score(NodeRecord node, Requirements r) {
        NodeMetrics m = node.metrics();
        double radio = scales.radioQuality(r.observedRsrpDbm().getOrDefault(node.nodeId(), m.rsrpDbm()));
        double latency = scales.latency(m.latencyMs());
        double load = scales.load(m.loadPercent());
        double cost = scales.cost(m.costPerHour());
        double trust = r.homeTrustDomain() == null || r.homeTrustDomain().equals(node.trustDomain())
                ? 1 : scales.foreignTrust();
        double score = (weights.radioQuality() * radio + weights.latency() * latency + weights.load() * load
                + weights.cost() * cost + weights.trust() * trust) / weights.sum();
        return new ScoreBreakdown(radio, latency, load, cost, trust, score);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

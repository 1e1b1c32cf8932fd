package org.oneedge.handover.candidate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.ranking.Candidate;
import org.oneedge.federation.ranking.Ranking;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.federation.registry.FederationRegistry;

/**
 * The N best target MN-CSEs for moving an AE away from its serving CSE (HANDOVER.md "Candidate selection"), taken
 * from the federation ranking: deterministic (score, then CSE-ID), each with the ranking's reason, the source never
 * among them. Targets a trigger names itself (AMS's target instance, a device's choice) go first, in the order given,
 * followed by the ranking's other candidates as fall-backs.
 */
public final class CandidateSelector {

    private final Function<Requirements, Ranking> ranking;

    /** @param ranking ranks the federation's nodes, e.g. {@code FederationRegistry::rank} */
    public CandidateSelector(Function<Requirements, Ranking> ranking) {
        this.ranking = ranking;
    }

    public static CandidateSelector of(FederationRegistry registry) {
        return new CandidateSelector(registry::rank);
    }

    /**
     * The {@code requirements.count()} best MN-CSEs other than {@code sourceCseId}, best first.
     *
     * @param requirements hard requirements and N; MN-CSEs only unless the requirements name kinds
     */
    public List<TargetCandidate> candidates(String sourceCseId, Requirements requirements) {
        return candidates(sourceCseId, List.of(), "", requirements);
    }

    /**
     * {@code named} first (each with {@code namedReason}), then the ranking's best, without duplicates or the source,
     * at most {@code max(requirements.count(), named.size())} in all.
     */
    public List<TargetCandidate> candidates(String sourceCseId, List<String> named, String namedReason,
                                            Requirements requirements) {
        Requirements.Builder asked = requirements.toBuilder().count(requirements.count() + 1);
        if (requirements.kinds().isEmpty()) {
            asked.kinds(NodeKind.MN_CSE);
        }
        Ranking ranked = ranking.apply(asked.build());
        int limit = Math.max(requirements.count(), named.size());
        List<TargetCandidate> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(sourceCseId);
        for (String cseId : named) {
            if (seen.add(cseId)) {
                String rankedWhy = ranked.selected().stream().filter(c -> c.nodeId().equals(cseId)).findFirst()
                        .map(Candidate::reason).map(r -> "; ranked " + r).orElse("");
                out.add(new TargetCandidate(cseId, out.size() + 1, namedReason + rankedWhy));
            }
        }
        List<Candidate> all = new ArrayList<>(ranked.selected());
        all.addAll(ranked.reserve());
        for (Candidate c : all) {
            if (out.size() >= limit) {
                break;
            }
            if (seen.add(c.nodeId())) {
                out.add(new TargetCandidate(c.nodeId(), out.size() + 1, "ranked " + c.reason()));
            }
        }
        return List.copyOf(out);
    }
}

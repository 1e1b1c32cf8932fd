package org.oneedge.federation.ranking;

import java.util.List;

/**
 * The outcome of one ranking: the N best candidates in order, the other eligible nodes (in the same order, ranks
 * continuing after N) to fall back on, and every excluded node with its reasons. Each input node is in exactly one
 * of the three lists.
 */
public record Ranking(List<Candidate> selected, List<Candidate> reserve, List<Exclusion> excluded) {

    public Ranking {
        selected = List.copyOf(selected);
        reserve = List.copyOf(reserve);
        excluded = List.copyOf(excluded);
    }

    /** The node ids of the selected candidates, best first. */
    public List<String> selectedIds() {
        return selected.stream().map(Candidate::nodeId).toList();
    }
}

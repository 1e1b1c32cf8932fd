package org.oneedge.federation.ranking;

import org.oneedge.federation.NodeRecord;

/**
 * A node that met every hard requirement, with its 1-based rank and the score breakdown that put it there; the
 * breakdown is the reason it was kept.
 */
public record Candidate(int rank, NodeRecord node, ScoreBreakdown breakdown) {

    public String nodeId() {
        return node.nodeId();
    }

    /** E.g. {@code #1 /id-mn2: score 0.812 = radio 0.90, ...}. */
    public String reason() {
        return "#" + rank + " " + node.nodeId() + ": " + breakdown.explain();
    }
}

package org.oneedge.federation.ranking;

import java.util.List;
import org.oneedge.federation.NodeRecord;

/**
 * A node left out of a ranking, with every hard requirement it failed ("trust domain B not allowed", "missing api
 * rni", "DOWN", "distance 12.3 km > 5 km"); never without a reason.
 */
public record Exclusion(NodeRecord node, List<String> reasons) {

    public Exclusion {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an excluded node needs a reason: " + node.nodeId());
        }
    }

    public String nodeId() {
        return node.nodeId();
    }
}

package org.oneedge.federation.health;

import java.time.Instant;
import org.oneedge.federation.NodeStatus;

/** A node's status as the health monitor changed it, with the heartbeat it judged by (null if none yet). */
public record StatusChange(String nodeId, NodeStatus status, Instant lastHeartbeat, String reason) {
}

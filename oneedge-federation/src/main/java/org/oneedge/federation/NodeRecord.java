package org.oneedge.federation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One federation node as the registry holds it (one {@code org.oneedge.federation.node} flexContainer at the
 * IN-CSE). {@code nodeId} is the CSE-ID for CSEs ({@code /id-mn1}) and the MEC host or platform name otherwise; it is
 * the identity and the tie breaker of every ranking.
 *
 * @param nodeId        CSE-ID or MEC node name, unique in the federation
 * @param kind          what the node is
 * @param capabilities  what it offers
 * @param location      where it is
 * @param hostingState  its MEC hosting situation
 * @param trustDomain   the trust domain it belongs to, e.g. {@code domainA}
 * @param owner         the administrative owner (operator) of the node
 * @param status        UP or DOWN as judged by the health monitor
 * @param lastHeartbeat the last heartbeat the node sent, null before the first
 * @param roles         the roles the registry assigned, sorted
 * @param metrics       load, latency, cost and radio quality from the last heartbeat
 * @param pointOfAccess where the node can be reached
 */
public record NodeRecord(String nodeId, NodeKind kind, Capabilities capabilities, Location location,
                         HostingState hostingState, String trustDomain, String owner, NodeStatus status,
                         Instant lastHeartbeat, Set<FederationRole> roles, NodeMetrics metrics,
                         List<String> pointOfAccess) {

    public NodeRecord {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("a federation node needs a nodeId (its CSE-ID or MEC node name)");
        }
        if (kind == null || hostingState == null || status == null) {
            throw new IllegalArgumentException("node " + nodeId + " needs a kind, a hosting state and a status");
        }
        capabilities = capabilities == null ? Capabilities.NONE : capabilities;
        location = location == null ? Location.UNKNOWN : location;
        metrics = metrics == null ? NodeMetrics.NONE : metrics;
        roles = roles == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(roles));
        pointOfAccess = pointOfAccess == null ? List.of() : List.copyOf(pointOfAccess);
    }

    /** A builder for a node record; status UP, hosting NOT_MEC_HOSTED unless set. */
    public static Builder builder(String nodeId, NodeKind kind) {
        return new Builder(nodeId, kind);
    }

    public Builder toBuilder() {
        return new Builder(nodeId, kind).capabilities(capabilities).location(location).hostingState(hostingState)
                .trustDomain(trustDomain).owner(owner).status(status).lastHeartbeat(lastHeartbeat).roles(roles)
                .metrics(metrics).pointOfAccess(pointOfAccess);
    }

    public NodeRecord withStatus(NodeStatus s) {
        return toBuilder().status(s).build();
    }

    public NodeRecord withRoles(Set<FederationRole> r) {
        return toBuilder().roles(r).build();
    }

    /** Builds a {@link NodeRecord}. */
    public static final class Builder {
        private final String nodeId;
        private final NodeKind kind;
        private Capabilities capabilities = Capabilities.NONE;
        private Location location = Location.UNKNOWN;
        private HostingState hostingState = HostingState.NOT_MEC_HOSTED;
        private String trustDomain;
        private String owner;
        private NodeStatus status = NodeStatus.UP;
        private Instant lastHeartbeat;
        private Set<FederationRole> roles = Set.of();
        private NodeMetrics metrics = NodeMetrics.NONE;
        private List<String> pointOfAccess = List.of();

        private Builder(String nodeId, NodeKind kind) {
            this.nodeId = nodeId;
            this.kind = kind;
        }

        public Builder capabilities(Capabilities v) { capabilities = v; return this; }
        public Builder location(Location v) { location = v; return this; }
        public Builder hostingState(HostingState v) { hostingState = v; return this; }
        public Builder trustDomain(String v) { trustDomain = v; return this; }
        public Builder owner(String v) { owner = v; return this; }
        public Builder status(NodeStatus v) { status = v; return this; }
        public Builder lastHeartbeat(Instant v) { lastHeartbeat = v; return this; }
        public Builder roles(Set<FederationRole> v) { roles = v; return this; }
        public Builder metrics(NodeMetrics v) { metrics = v; return this; }
        public Builder pointOfAccess(List<String> v) { pointOfAccess = v; return this; }

        public NodeRecord build() {
            return new NodeRecord(nodeId, kind, capabilities, location, hostingState, trustDomain, owner, status,
                    lastHeartbeat, roles, metrics, pointOfAccess);
        }
    }
}

package org.oneedge.federation.registry;

import java.util.ArrayList;
import java.util.List;
import org.oneedge.federation.FederationRole;
import org.oneedge.federation.HostingState;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeStatus;

/**
 * A typed node search on the registry; every given criterion must hold (AND). It is answered with oneM2M
 * discovery, one {@code lbl} condition per criterion (TS-0001 10.2.6), so it finds exactly what a plain oneM2M
 * client finds with the same labels.
 */
public record NodeQuery(NodeKind kind, String trustDomain, String api, FederationRole role, NodeStatus status,
                        HostingState hostingState, String zone, String owner) {

    public static final NodeQuery ALL = new NodeQuery(null, null, null, null, null, null, null, null);

    public NodeQuery kind(NodeKind v) {
        return new NodeQuery(v, trustDomain, api, role, status, hostingState, zone, owner);
    }

    public NodeQuery trustDomain(String v) {
        return new NodeQuery(kind, v, api, role, status, hostingState, zone, owner);
    }

    public NodeQuery api(String v) {
        return new NodeQuery(kind, trustDomain, v, role, status, hostingState, zone, owner);
    }

    public NodeQuery role(FederationRole v) {
        return new NodeQuery(kind, trustDomain, api, v, status, hostingState, zone, owner);
    }

    public NodeQuery status(NodeStatus v) {
        return new NodeQuery(kind, trustDomain, api, role, v, hostingState, zone, owner);
    }

    public NodeQuery hostingState(HostingState v) {
        return new NodeQuery(kind, trustDomain, api, role, status, v, zone, owner);
    }

    public NodeQuery zone(String v) {
        return new NodeQuery(kind, trustDomain, api, role, status, hostingState, v, owner);
    }

    public NodeQuery owner(String v) {
        return new NodeQuery(kind, trustDomain, api, role, status, hostingState, zone, v);
    }

    /** The labels a matching node carries, one per criterion given. */
    public List<String> labels() {
        List<String> lbl = new ArrayList<>();
        if (kind != null) {
            lbl.add(NodeResourceCodec.label("kind", kind.name()));
        }
        if (trustDomain != null) {
            lbl.add(NodeResourceCodec.label("trust", trustDomain));
        }
        if (api != null) {
            lbl.add(NodeResourceCodec.label("api", api));
        }
        if (role != null) {
            lbl.add(NodeResourceCodec.label("role", role.name()));
        }
        if (status != null) {
            lbl.add(NodeResourceCodec.label("status", status.name()));
        }
        if (hostingState != null) {
            lbl.add(NodeResourceCodec.label("hosting", hostingState.name()));
        }
        if (zone != null) {
            lbl.add(NodeResourceCodec.label("zone", zone));
        }
        if (owner != null) {
            lbl.add(NodeResourceCodec.label("owner", owner));
        }
        return lbl;
    }
}

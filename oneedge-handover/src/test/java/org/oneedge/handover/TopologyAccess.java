package org.oneedge.handover;

import java.security.KeyPair;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.transaction.TransactionStore;
import org.oneedge.model.Request;
import org.oneedge.model.Response;

/** The package-private test {@link Topology} for tests in other packages. */
public final class TopologyAccess implements AutoCloseable {

    private final Topology topology;

    public TopologyAccess(int mnCount) {
        this.topology = new Topology(mnCount);
    }

    public HandoverNode node(String cseId) {
        return topology.nodes.get(cseId);
    }

    public HandoverAwareClient device(String aeId, int mn) {
        return topology.device(aeId, mn);
    }

    public Request uplink(String aeId, String value) {
        return Topology.uplink(aeId, value);
    }

    public Response read(int mn, String path) {
        return topology.read(mn, path);
    }

    public ServingRegistry registry() {
        return topology.registry;
    }

    public TransactionStore transactions() {
        return topology.transactions;
    }

    public KeyPair keys() {
        return topology.coordinatorKeys;
    }

    @Override
    public void close() {
        topology.close();
    }
}

package org.oneedge.app.node;

import java.util.List;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.model.CseClient;

/**
 * One running OneEdge node wired from a {@link NodeConfig}: store, CSE engine, HTTP binding and, when enabled, the
 * MEC platform. Closing it stops them in reverse order of start.
 */
public final class OneEdgeNode implements AutoCloseable {

    private OneEdgeNode() {
    }

    /** Starts every component of the node; on failure, whatever started is closed again. */
    public static OneEdgeNode start(NodeConfig config) {
        return start(config, false);
    }

    /** As {@link #start(NodeConfig)}, plus a bare HTTP handler on the same server stack for benchmark baselines. */
    public static OneEdgeNode start(NodeConfig config, boolean withBaselineHandler) {
        throw new IllegalStateException("the CSE engine is not part of this build yet");
    }

    /** Where the node listens, one entry per server. */
    public List<Listener> listeners() {
        return List.of();
    }

    public String cseBaseUrl() {
        throw new IllegalStateException("not started");
    }

    public String baselineUrl() {
        throw new IllegalStateException("not started");
    }

    /** The CSE in this JVM, for callers that skip the network. */
    public CseClient cse() {
        throw new IllegalStateException("not started");
    }

    @Override
    public void close() {
    }
}

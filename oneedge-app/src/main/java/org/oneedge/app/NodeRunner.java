package org.oneedge.app;

import java.util.List;
import java.util.concurrent.Callable;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.Listener;
import org.oneedge.app.node.MqttDeviceGateway;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.app.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a node until it is told to stop: start, print one line per listener, wait for SIGTERM/SIGINT (or the test's
 * stop request), close everything in order and say so.
 */
final class NodeRunner implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(NodeRunner.class);

    private final AppContext context;
    private final NodeConfig config;

    private final int mnCount; // -1: this node only; otherwise a topology with this many MN-CSEs
    private final boolean devices;

    NodeRunner(AppContext context, NodeConfig config) {
        this(context, config, -1);
    }

    NodeRunner(AppContext context, NodeConfig config, int mnCount) {
        this(context, config, mnCount, false);
    }

    /** @param devices also run the MQTT-JSON device IPE next to the IN-CSE (when the nodes serve MQTT) */
    NodeRunner(AppContext context, NodeConfig config, int mnCount, boolean devices) {
        this.context = context;
        this.config = config;
        this.mnCount = mnCount;
        this.devices = devices;
    }

    private AutoCloseable startNode() {
        OneEdgeNode node = OneEdgeNode.start(config);
        for (Listener l : node.listeners()) {
            context.out().println(l.line());
        }
        return node;
    }

    private AutoCloseable startTopology() {
        Topology topology = Topology.start(config, mnCount, config.mqttEnabled());
        MqttDeviceGateway gateway;
        try {
            gateway = devices && config.mqttEnabled() ? MqttDeviceGateway.start(topology.nodes().getFirst(),
                    List.of(config.cseId() + "/C*")) : null;
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        }
        for (Listener l : topology.listeners()) {
            context.out().println(l.line());
        }
        if (gateway != null) {
            context.out().println(gateway.listener().line());
        }
        context.out().println("Topology (role, CSE-ID, CSEBase, points of access, registrar):");
        topology.map().forEach(line -> context.out().println("  " + line));
        return gateway == null ? topology : () -> {
            gateway.close();
            topology.close();
        };
    }

    @Override
    public Integer call() throws Exception {
        LogLevels.apply(config.logLevel());
        log.info("Configuration: cse.id={} cse.base-name={} cse.type={} sp-id={} http={}:{} store={} data-dir={} "
                        + "mec.enabled={} mec.port={}", config.cseId(), config.cseBaseName(), config.cseType(),
                config.spId(), config.httpHost(), config.httpPort(), config.storeType(), config.dataDir(),
                config.mecEnabled(), config.mecPort());
        return context.<AutoCloseable>runUntilStopped(() -> mnCount < 0 ? startNode() : startTopology());
    }
}

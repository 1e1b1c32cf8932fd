package org.oneedge.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.oneedge.app.handover.RunHandovers;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.Listener;
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
    private final List<TopologyAddOn> addOns; // started after the topology, stopped before it

    NodeRunner(AppContext context, NodeConfig config) {
        this(context, config, -1);
    }

    NodeRunner(AppContext context, NodeConfig config, int mnCount) {
        this(context, config, mnCount, List.of());
    }

    NodeRunner(AppContext context, NodeConfig config, int mnCount, List<TopologyAddOn> addOns) {
        this.context = context;
        this.config = config;
        this.mnCount = mnCount;
        this.addOns = List.copyOf(addOns);
    }

    private AutoCloseable startNode() {
        OneEdgeNode node = OneEdgeNode.start(config);
        for (Listener l : node.listeners()) {
            context.out().println(l.line());
        }
        return node;
    }

    private AutoCloseable startTopology() {
        RunHandovers handovers = new RunHandovers();
        Topology topology = Topology.start(config, mnCount, config.mqttEnabled(), handovers::customizer);
        for (Listener l : topology.listeners()) {
            context.out().println(l.line());
        }
        context.out().println("Topology (role, CSE-ID, CSEBase, points of access, registrar):");
        topology.map().forEach(line -> context.out().println("  " + line));
        List<AutoCloseable> started = new ArrayList<>();
        try {
            for (TopologyAddOn addOn : withHandovers(handovers)) {
                started.addFirst(addOn.start(topology, config, context.out()));
            }
        } catch (RuntimeException e) {
            closeAll(started, topology);
            throw e;
        }
        return () -> closeAll(started, topology);
    }

    /** The requested add-ons, then the handover driver that lets the MN-CSEs follow the emulated UEs. */
    private List<TopologyAddOn> withHandovers(RunHandovers handovers) {
        List<TopologyAddOn> all = new ArrayList<>(addOns);
        all.add(new HandoverDriverLaunch(handovers));
        return all;
    }

    /** Stops the add-ons (last started first), then the topology, even when one of them fails to stop. */
    private static void closeAll(List<AutoCloseable> addOns, Topology topology) {
        for (AutoCloseable c : addOns) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", c, e.toString());
            }
        }
        topology.close();
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

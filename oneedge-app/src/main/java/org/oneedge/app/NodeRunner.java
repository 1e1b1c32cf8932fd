package org.oneedge.app;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.oneedge.app.handover.AmsHandoverDriver;
import org.oneedge.app.handover.RunHandovers;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.Listener;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.app.topology.Topology;
import org.oneedge.model.CseClient;
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

    NodeRunner(AppContext context, NodeConfig config) {
        this(context, config, -1);
    }

    NodeRunner(AppContext context, NodeConfig config, int mnCount) {
        this.context = context;
        this.config = config;
        this.mnCount = mnCount;
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
        // in the background: registering the UEs with the MEC platform must not hold up the start-up lines
        AtomicReference<AmsHandoverDriver> driver = new AtomicReference<>();
        Thread starting = Thread.ofVirtual().name("handover-driver-start")
                .start(() -> driver.set(startHandoverDriver(topology, handovers)));
        return () -> {
            starting.join(Duration.ofSeconds(30));
            if (driver.get() != null) {
                driver.get().close();
            }
            topology.close();
        };
    }

    /**
     * Lets the MN-CSEs follow the emulated UEs (HANDOVER.md trigger 1): MEC host k is served by MN-CSE k; none when
     * the MEC platform is off or there are fewer than two MN-CSEs.
     */
    private static AmsHandoverDriver startHandoverDriver(Topology topology, RunHandovers handovers) {
        OneEdgeNode in = topology.nodes().get(0);
        List<OneEdgeNode> mns = topology.nodes().subList(1, topology.nodes().size());
        if (in.mecNode() == null || mns.size() < 2) {
            return null;
        }
        Map<String, String> cseOfHost = new LinkedHashMap<>();
        Map<String, CseClient> fronts = new LinkedHashMap<>();
        Map<String, String> bases = new LinkedHashMap<>();
        List<String> hosts = in.mecNode().hostNames();
        for (int k = 0; k < Math.min(hosts.size(), mns.size()); k++) {
            String cseId = mns.get(k).config().cseId();
            cseOfHost.put(hosts.get(k), cseId);
            fronts.put(cseId, handovers.node(cseId).orElseThrow());
            bases.put(cseId, mns.get(k).config().cseBaseName());
        }
        AmsHandoverDriver driver = new AmsHandoverDriver(in.mecNode().baseUrl(), cseOfHost, fronts, bases, handovers);
        try {
            return driver.start();
        } catch (RuntimeException e) {
            log.warn("handovers are off: the AMS driver did not start: {}", e.toString());
            driver.close();
            return null;
        }
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

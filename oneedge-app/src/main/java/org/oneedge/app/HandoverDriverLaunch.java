package org.oneedge.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.handover.AmsHandoverDriver;
import org.oneedge.app.handover.RunHandovers;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.app.topology.Topology;
import org.oneedge.model.CseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the MN-CSEs of {@code oneedge run} follow the emulated UEs (HANDOVER.md trigger 1): MEC host k is served by
 * MN-CSE k; nothing runs when the MEC platform is off or there are fewer than two MN-CSEs.
 */
record HandoverDriverLaunch(RunHandovers handovers) implements TopologyAddOn {
    private static final Logger log = LoggerFactory.getLogger(HandoverDriverLaunch.class);

    @Override
    public AutoCloseable start(Topology topology, NodeConfig config, PrintWriter out) {
        // in the background: registering the UEs with the MEC platform must not hold up the start-up lines
        AtomicReference<AmsHandoverDriver> started = new AtomicReference<>();
        Thread starting = Thread.ofVirtual().name("handover-driver-start").start(() -> {
            try {
                started.set(startDriver(topology));
            } catch (RuntimeException e) {
                log.warn("handovers are off: the AMS driver did not start: {}", e.toString());
            }
        });
        return () -> {
            starting.join(Duration.ofSeconds(30));
            AmsHandoverDriver driver = started.get();
            if (driver != null) {
                driver.close();
            }
        };
    }

    /** The started driver, or null when this topology has no MEC platform or fewer than two MN-CSEs. */
    private AmsHandoverDriver startDriver(Topology topology) {
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
            driver.close();
            throw e;
        }
    }
}

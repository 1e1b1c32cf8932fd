package org.oneedge.app.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oneedge.app.node.Listener;
import org.oneedge.app.node.MecNode;
import org.oneedge.app.node.OneEdgeNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a topology file describes, running in this JVM: the CSE nodes ({@link Topology}), the MEC platform
 * nodes of their own, then the add-ons in file order. This is what {@code oneedge run --topology FILE} and
 * {@code oneedge run --deployment A|B|C|D} run.
 *
 * <pre>
 *   start:  CSE nodes (registrars first, embedded broker) -> MEC platforms -> add-ons 1..n
 *   close:  add-ons n..1 -> MEC platforms -> CSE nodes
 * </pre>
 */
public final class RunningTopology implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunningTopology.class);

    private final TopologySpec spec;
    private final Map<String, MecNode> mecPlatforms = new LinkedHashMap<>();
    private final List<AutoCloseable> addOns = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final List<String> map = new ArrayList<>();
    private Topology topology;

    private RunningTopology(TopologySpec spec) {
        this.spec = spec;
    }

    /** Starts it all; on failure stops what started and throws. */
    public static RunningTopology start(TopologySpec spec) {
        return start(spec, s -> OneEdgeNode.Customizer.NONE);
    }

    /** As {@link #start(TopologySpec)}, each CSE node with what {@code customizers} adds to it. */
    public static RunningTopology start(TopologySpec spec, Function<NodeSpec, OneEdgeNode.Customizer> customizers) {
        RunningTopology running = new RunningTopology(spec);
        try {
            running.startAll(customizers);
            return running;
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
    }

    private void startAll(Function<NodeSpec, OneEdgeNode.Customizer> customizers) {
        topology = Topology.start(spec.nodes(), customizers);
        listeners.addAll(topology.listeners());
        map.addAll(topology.map());
        for (MecSpec m : spec.mecPlatforms()) {
            MecNode node = MecNode.start(m.host(), m.port(), m.scenario());
            mecPlatforms.put(m.name(), node);
            node.listeners().forEach(l -> listeners.add(new Listener(l.description() + " (" + m.name() + ")",
                    l.url())));
            map.add(String.format("%-7s %-9s %-9s %s  hosts: %s", "MEC", m.name(), "-", node.baseUrl(),
                    String.join(" ", node.hostNames())));
        }
        AddOnLauncher launcher = new AddOnLauncher(this::cse, this::mec);
        for (AddOnSpec a : spec.addOns()) {
            AddOnLauncher.Started started = launcher.start(a);
            addOns.add(started.closer());
            listeners.addAll(started.listeners());
        }
        if (spec.description() != null) {
            map.add(spec.description());
        }
        log.info("Topology running: {} CSE node(s), {} MEC platform(s) of their own, {} add-on(s){}",
                spec.nodes().size(), spec.mecPlatforms().size(), spec.addOns().size(),
                spec.description() == null ? "" : " (" + spec.description() + ")");
    }

    private StartedCse cse(String name) {
        return StartedCse.of(node(name));
    }

    private StartedMec mec(String name) {
        MecNode own = mecPlatforms.get(name);
        return StartedMec.of(own != null ? own : node(name).mecNode());
    }

    /** The started CSE node of that topology name. */
    public OneEdgeNode node(String name) {
        return topology.node(name);
    }

    /** Where everything listens: CSE nodes, broker, MEC platforms, add-ons. */
    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** One line per CSE node and MEC platform, then the description. */
    public List<String> map() {
        return List.copyOf(map);
    }

    @Override
    public void close() {
        for (int i = addOns.size() - 1; i >= 0; i--) {
            try {
                addOns.get(i).close();
            } catch (Exception e) {
                log.warn("stopping add-on {} failed: {}", i, e.toString());
            }
        }
        addOns.clear();
        List<MecNode> mecs = new ArrayList<>(mecPlatforms.values());
        for (int i = mecs.size() - 1; i >= 0; i--) {
            try {
                mecs.get(i).close();
            } catch (RuntimeException e) {
                log.warn("stopping a MEC platform failed: {}", e.toString());
            }
        }
        mecPlatforms.clear();
        if (topology != null) {
            topology.close();
            topology = null;
        }
    }
}

package org.oneedge.app.topology;

import java.io.PrintWriter;
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
 * Everything a topology file describes: the CSE nodes (in this JVM, {@link Topology}, or as child processes,
 * {@link ProcessTopology}), the MEC platform nodes of their own, then the add-ons in file order. This is what
 * {@code oneedge run --topology FILE} and {@code oneedge run --deployment A|B|C|D} run.
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
    private AutoCloseable cseNodes;   // Topology in this JVM, or ProcessTopology
    private Function<String, StartedCse> cses;
    private Function<String, StartedMec> nodeMecs;

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

    /**
     * As {@link #start(TopologySpec)}, each CSE node a child process ({@link ProcessTopology}, its output echoed to
     * {@code out}); MEC platforms of their own and add-ons run in this process and reach the nodes over HTTP.
     *
     * @param javaCommand the {@code java} executable and the class path of this program
     */
    public static RunningTopology startProcesses(TopologySpec spec, List<String> javaCommand, PrintWriter out) {
        RunningTopology running = new RunningTopology(spec);
        try {
            ProcessTopology processes = ProcessTopology.start(spec.nodes(), javaCommand, out);
            running.cseNodes = processes;
            running.cses = processes::cse;
            running.nodeMecs = processes::mec;
            running.map.addAll(processes.map());
            running.startMecAndAddOns();
            return running;
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
    }

    private void startAll(Function<NodeSpec, OneEdgeNode.Customizer> customizers) {
        Topology topology = Topology.start(spec.nodes(), customizers);
        cseNodes = topology;
        cses = name -> StartedCse.of(topology.node(name));
        nodeMecs = name -> StartedMec.of(topology.node(name).mecNode());
        listeners.addAll(topology.listeners());
        map.addAll(topology.map());
        startMecAndAddOns();
    }

    private void startMecAndAddOns() {
        for (MecSpec m : spec.mecPlatforms()) {
            MecNode node = MecNode.start(m.host(), m.port(), m.scenario());
            mecPlatforms.put(m.name(), node);
            m.checkHosts(node.hostNames());
            node.listeners().forEach(l -> listeners.add(new Listener(l.description() + " (" + m.name() + ")",
                    l.url())));
            map.add(String.format("%-7s %-9s %-9s %s  hosts: %s", "MEC", m.name(), "-", node.baseUrl(),
                    String.join(" ", node.hostNames())));
        }
        AddOnLauncher launcher = new AddOnLauncher(cses, this::mec);
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

    private StartedMec mec(String name) {
        MecNode own = mecPlatforms.get(name);
        return own != null ? StartedMec.of(own) : nodeMecs.apply(name);
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
        if (cseNodes != null) {
            try {
                cseNodes.close();
            } catch (Exception e) {
                log.warn("stopping the CSE nodes failed: {}", e.toString());
            }
            cseNodes = null;
        }
    }
}

package org.oneedge.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.oneedge.app.node.Listener;
import org.oneedge.app.topology.RunningTopology;
import org.oneedge.app.topology.TopologySpec;

/**
 * Runs a topology file ({@code --topology FILE} or {@code --deployment X}) until told to stop: everything in this
 * JVM, or (with {@code --processes}) each CSE node as a child process of the same jar (MEC platforms and add-ons in
 * this process); prints one line per listener
 * and the map (one line per node) and stops everything on Ctrl-C.
 */
final class TopologyRunner implements Callable<Integer> {

    private final AppContext context;
    private final TopologySpec spec;
    private final boolean processes;

    TopologyRunner(AppContext context, TopologySpec spec, boolean processes) {
        this.context = context;
        this.spec = spec;
        this.processes = processes;
    }

    @Override
    public Integer call() throws Exception {
        LogLevels.apply(spec.nodes().get(0).config().logLevel());
        return context.<AutoCloseable>runUntilStopped(() -> processes ? startProcesses() : startInJvm());
    }

    private AutoCloseable startInJvm() {
        RunningTopology topology = RunningTopology.start(spec);
        for (Listener l : topology.listeners()) {
            context.out().println(l.line());
        }
        printMap(topology.map());
        return topology;
    }

    private AutoCloseable startProcesses() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), OneEdge.class.getName());
        RunningTopology topology = RunningTopology.startProcesses(spec, command, context.out());
        for (Listener l : topology.listeners()) {
            context.out().println(l.line());
        }
        printMap(topology.map());
        return topology;
    }

    private void printMap(List<String> map) {
        context.out().println("Topology (role, CSE-ID, CSEBase, points of access, registrar):");
        map.forEach(line -> context.out().println("  " + line));
        context.out().flush();
    }
}

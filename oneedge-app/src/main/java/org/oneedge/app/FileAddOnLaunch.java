package org.oneedge.app;

import java.io.PrintWriter;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.Listener;
import org.oneedge.app.topology.AddOnLauncher;
import org.oneedge.app.topology.AddOnSpec;
import org.oneedge.app.topology.StartedCse;
import org.oneedge.app.topology.StartedMec;
import org.oneedge.app.topology.Topology;

/**
 * An add-on of the topology-file format ({@code mqtt-devices}, {@code mca-proxy}, {@code network-location}) that a
 * flag of {@code oneedge run} asks for next to the default IN + MN-CSEs ({@code in}, {@code mn1}, ...): started by
 * the same {@link AddOnLauncher} as in a file, its lines printed.
 */
record FileAddOnLaunch(AddOnSpec spec) implements TopologyAddOn {

    /** Default port of {@code --mca-proxy} without a value. */
    static final int DEFAULT_PORT = 8088;

    @Override
    public AutoCloseable start(Topology topology, NodeConfig config, PrintWriter out) {
        AddOnLauncher launcher = new AddOnLauncher(name -> StartedCse.of(topology.node(name)), name -> {
            var mec = topology.node(name).mecNode();
            if (mec == null) {
                throw new IllegalArgumentException(spec.type() + " needs the MEC platform (on CSE node " + name + ")");
            }
            return StartedMec.of(mec);
        });
        AddOnLauncher.Started started = launcher.start(spec);
        for (Listener l : started.listeners()) {
            out.println(l.line());
        }
        return started.closer();
    }
}

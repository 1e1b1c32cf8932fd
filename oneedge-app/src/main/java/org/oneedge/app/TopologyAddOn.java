package org.oneedge.app;

import java.io.PrintWriter;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.topology.Topology;

/** Something {@code oneedge run} starts next to a running topology on request (a flag), printing where it is. */
interface TopologyAddOn {

    /** Starts it; closing the result stops it. */
    AutoCloseable start(Topology topology, NodeConfig config, PrintWriter out);
}

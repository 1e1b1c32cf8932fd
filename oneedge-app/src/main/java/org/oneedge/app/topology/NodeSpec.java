package org.oneedge.app.topology;

import org.oneedge.app.config.NodeConfig;

/**
 * One node of a {@link Topology}: its name in the topology file, its configuration, and the name of the node it
 * registers to (null for the root IN-CSE).
 */
public record NodeSpec(String name, NodeConfig config, String registrar) {
    public NodeSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topology node needs a name");
        }
    }
}

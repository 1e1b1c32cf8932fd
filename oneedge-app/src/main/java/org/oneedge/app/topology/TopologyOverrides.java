package org.oneedge.app.topology;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.oneedge.app.config.ConfigKey;

/**
 * What {@code oneedge run --topology/--deployment} flags change in every node of a topology file, so the shipped
 * files run unchanged on a busy machine or in a test: free ports everywhere, another store, a data root (each node
 * keeps its data in {@code <root>/<node name>}), a log level. Null/false = as the file says.
 *
 * @param freePorts every CSE node, MEC platform and the embedded broker on a free port
 * @param store     {@code h2}, {@code memory} or {@code postgres} for every node
 * @param dataRoot  directory below which each node gets {@code <node name>/}
 * @param logLevel  log level of every node
 */
public record TopologyOverrides(boolean freePorts, String store, Path dataRoot, String logLevel) {

    /** The file as it is. */
    public static final TopologyOverrides NONE = new TopologyOverrides(false, null, null, null);

    /** The node-file keys these overrides set for the node {@code nodeName}. */
    Map<ConfigKey, String> flagsFor(String nodeName) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        if (freePorts) {
            flags.put(ConfigKey.HTTP_PORT, "0");
            flags.put(ConfigKey.MEC_PORT, "0");
        }
        if (store != null) {
            flags.put(ConfigKey.STORE, store);
        }
        if (dataRoot != null) {
            flags.put(ConfigKey.DATA_DIR, dataRoot.resolve(nodeName).toString());
        }
        if (logLevel != null) {
            flags.put(ConfigKey.LOG_LEVEL, logLevel);
        }
        return flags;
    }

    /** A MEC platform node as these overrides change it. */
    MecSpec apply(MecSpec mec) {
        return freePorts ? mec.withPort(0) : mec;
    }
}

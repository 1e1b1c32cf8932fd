package org.oneedge.app.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.Listener;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBroker;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBrokerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several OneEdge nodes in one JVM (ARCHITECTURE.md principle 4): an IN-CSE and MN-CSEs registered to it over Mcc
 * (TS-0001 10.2.2.7), plus an embedded MQTT broker unless {@code mqtt.broker-url} names one. MN-CSE {@code k} gets
 * CSE-ID {@code /id-mnk}, CSEBase {@code cse-mnk}, HTTP port IN port + k (or a free port when the IN's is 0) and
 * its own data directory {@code <data-dir>/id-mnk}.
 *
 * <pre>
 *   start: broker -> IN-CSE -> MN-CSE 1..n (each registers to the IN)
 *   close: MN-CSE n..1 (deregister) -> IN-CSE -> broker
 * </pre>
 */
public final class Topology implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Topology.class);

    private final List<OneEdgeNode> nodes = new ArrayList<>();
    private final Map<String, OneEdgeNode> byName = new LinkedHashMap<>();
    private EmbeddedMqttBroker broker;

    private Topology() {
    }

    /**
     * Starts an IN-CSE from {@code in} and {@code mnCount} MN-CSEs registered to it.
     *
     * @param mqtt whether the nodes also serve MQTT (then a broker is started when none is configured)
     */
    public static Topology start(NodeConfig in, int mnCount, boolean mqtt) {
        return start(in, mnCount, mqtt, spec -> OneEdgeNode.Customizer.NONE);
    }

    /** As {@link #start(NodeConfig, int, boolean)}, each node with what {@code customizers} adds to it. */
    public static Topology start(NodeConfig in, int mnCount, boolean mqtt,
                                 Function<NodeSpec, OneEdgeNode.Customizer> customizers) {
        NodeConfig root = mqtt ? in.withMqtt(true, in.mqttBrokerUrl()) : in;
        List<NodeSpec> specs = new ArrayList<>();
        specs.add(new NodeSpec("in", root, null));
        for (int k = 1; k <= mnCount; k++) {
            specs.add(new NodeSpec("mn" + k, root.asNode("/id-mn" + k, "cse-mn" + k, NodeConfig.CseKind.MN,
                    in.httpPort() == 0 ? 0 : in.httpPort() + k, in.dataDir().resolve("id-mn" + k)), "in"));
        }
        return start(specs, customizers);
    }

    /**
     * Starts the nodes of a topology, each registrar before its registrees; a node with MQTT enabled but no broker
     * configured uses one embedded broker (port 1883, or a free port when the first node's HTTP port is 0).
     */
    public static Topology start(List<NodeSpec> specs) {
        return start(specs, spec -> OneEdgeNode.Customizer.NONE);
    }

    /** As {@link #start(List)}, each node with what {@code customizers} adds to it. */
    public static Topology start(List<NodeSpec> specs, Function<NodeSpec, OneEdgeNode.Customizer> customizers) {
        Topology topology = new Topology();
        try {
            String embeddedBroker = null;
            if (specs.stream().anyMatch(s -> s.config().mqttEnabled() && s.config().mqttBrokerUrl() == null)) {
                topology.broker = EmbeddedMqttBroker.start(EmbeddedMqttBrokerConfig.defaults()
                        .withPort(specs.get(0).config().httpPort() == 0 ? freePort() : 1883));
                embeddedBroker = topology.broker.url();
            }
            Map<String, OneEdgeNode> started = topology.byName;
            List<NodeSpec> waiting = new ArrayList<>(specs);
            while (!waiting.isEmpty()) {
                NodeSpec next = waiting.stream().filter(s -> s.registrar() == null || started.containsKey(s.registrar()))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(
                                "the topology's links form a cycle or name a missing registrar: " + waiting));
                waiting.remove(next);
                NodeConfig config = next.config();
                if (config.mqttEnabled() && config.mqttBrokerUrl() == null) {
                    config = config.withMqtt(true, embeddedBroker);
                }
                if (next.registrar() != null) {
                    OneEdgeNode registrar = started.get(next.registrar());
                    config = config.withRegistrar(registrar.config().cseId(), registrar.config().cseBaseName(),
                            List.of(registrar.httpUrl()));
                }
                OneEdgeNode node = OneEdgeNode.start(config, customizers.apply(next));
                started.put(next.name(), node);
                topology.nodes.add(node);
            }
            log.info("topology started: {} node(s){}", topology.nodes.size(),
                    topology.broker == null ? "" : ", embedded MQTT broker " + topology.broker.url());
            return topology;
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        }
    }

    /**
     * A free loopback port for the broker when the nodes use free ports; chosen here because Moquette reports a
     * port-0 binding racily (ConcurrentModificationException in {@code Server.getPort}).
     */
    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free port for the embedded MQTT broker: " + e.getMessage(), e);
        }
    }

    /** The node of that name in the topology file (or {@code in}, {@code mn1}, ... for the default). */
    public OneEdgeNode node(String name) {
        OneEdgeNode node = byName.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no CSE node '" + name + "' in the topology " + byName.keySet());
        }
        return node;
    }

    public List<OneEdgeNode> nodes() {
        return List.copyOf(nodes);
    }

    /** The listeners of every node (the IN-CSE first), plus the broker. */
    public List<Listener> listeners() {
        List<Listener> all = new ArrayList<>();
        nodes.forEach(n -> all.addAll(n.listeners()));
        if (broker != null) {
            all.add(new Listener("embedded MQTT broker", broker.url()));
        }
        return all;
    }

    /** One line per node: role, CSE-ID, CSEBase, points of access, registrar. */
    public List<String> map() {
        return nodes.stream().map(OneEdgeNode::mapLine).toList();
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (RuntimeException e) {
                log.warn("closing node {} failed: {}", i, e.toString());
            }
        }
        nodes.clear();
        byName.clear();
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}

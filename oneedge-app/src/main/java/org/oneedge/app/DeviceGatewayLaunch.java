package org.oneedge.app;

import java.io.PrintWriter;
import java.util.List;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.MqttDeviceGateway;
import org.oneedge.app.topology.Topology;

/**
 * {@code oneedge run} (unless {@code --no-devices}): the MQTT-JSON device IPE next to the IN-CSE, so devices that
 * publish JSON on the node's broker appear as AEs; nothing starts when the nodes do not serve MQTT.
 */
record DeviceGatewayLaunch() implements TopologyAddOn {

    @Override
    public AutoCloseable start(Topology topology, NodeConfig config, PrintWriter out) {
        if (!config.mqttEnabled()) {
            return () -> { };
        }
        MqttDeviceGateway gateway = MqttDeviceGateway.start(topology.nodes().getFirst(),
                List.of(config.cseId() + "/C*"));
        out.println(gateway.listener().line());
        return gateway;
    }
}

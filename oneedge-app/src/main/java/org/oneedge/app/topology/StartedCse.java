package org.oneedge.app.topology;

import java.util.List;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.model.CseClient;

/**
 * What an add-on needs from a started CSE node: its configuration (with the broker and registrar filled in), where
 * it is reached, and a client to it (the engine itself in this JVM, HTTP for a child process).
 *
 * @param httpUrl        HTTP base URL without the CSEBase, e.g. {@code http://127.0.0.1:8081}
 * @param pointsOfAccess the node's {@code poa}: HTTP and, when it serves MQTT, {@code mqtt://}
 * @param client         where requests to the CSE go
 */
public record StartedCse(NodeConfig config, String httpUrl, List<String> pointsOfAccess, CseClient client) {

    public StartedCse {
        pointsOfAccess = List.copyOf(pointsOfAccess);
    }

    /** A node of this JVM. */
    public static StartedCse of(OneEdgeNode node) {
        return new StartedCse(node.config(), node.httpUrl(), node.pointsOfAccess(), node.cse());
    }

    /** The CSEBase over HTTP, e.g. {@code http://127.0.0.1:8081/cse-mn1}. */
    public String cseBaseUrl() {
        return httpUrl + "/" + config.cseBaseName();
    }

    /** The node's MQTT point of access, or null when it serves none. */
    public String mqttPointOfAccess() {
        return pointsOfAccess.stream().filter(p -> p.startsWith("mqtt://")).findFirst().orElse(null);
    }
}

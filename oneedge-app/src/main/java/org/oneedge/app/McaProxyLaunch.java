package org.oneedge.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.Listener;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.app.topology.Topology;
import org.oneedge.interworking.mcaproxy.McaProxy;
import org.oneedge.interworking.mcaproxy.McaProxyConfig;

/**
 * {@code oneedge run --mca-proxy[=PORT]}: an Mca proxy in front of the first MN-CSE (the IN-CSE when there is none),
 * registered with the MEC platform's first host and published there as MEC service, so a device with no direct path
 * to its registrar reaches it through the edge.
 *
 * @param port   TCP port of the proxy's HTTP endpoint (0 = a free one)
 * @param tokens proxy tokens a device must present ({@code Proxy-Authorization: Bearer <token>}); empty = no check
 */
record McaProxyLaunch(int port, List<String> tokens) implements TopologyAddOn {

    /** Default port of {@code --mca-proxy} without a value. */
    static final int DEFAULT_PORT = 8088;

    McaProxyLaunch {
        tokens = List.copyOf(tokens);
    }

    /** Starts the proxy next to a running topology and prints where it listens. */
    @Override
    public McaProxy start(Topology topology, NodeConfig config, PrintWriter out) {
        OneEdgeNode registrar = topology.nodes().stream()
                .filter(n -> n.config().cseType() == NodeConfig.CseKind.MN).findFirst()
                .orElse(topology.nodes().get(0));
        String mecUrl = topology.nodes().stream().filter(n -> n.mecNode() != null).findFirst()
                .map(n -> n.mecNode().baseUrl() + "/" + n.mecNode().hostNames().get(0)).orElse(null);
        McaProxy proxy = new McaProxy(McaProxyConfig.builder().registrarCseId(registrar.config().cseId())
                .registrarPoa(registrar.httpUrl()).httpHost(config.httpHost()).httpPort(port)
                .tokens(Set.copyOf(tokens)).mecPlatformUrl(mecUrl).build()).start();
        out.println(new Listener("Mca proxy for " + registrar.config().cseId() + " ("
                + (tokens.isEmpty() ? "no proxy token checked" : "Proxy-Authorization: Bearer <token>")
                + (mecUrl == null ? "" : ", MEC service " + proxy.config().serviceName()) + ")",
                proxy.httpUrl().orElseThrow()).line());
        return proxy;
    }
}

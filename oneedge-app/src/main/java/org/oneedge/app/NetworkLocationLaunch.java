package org.oneedge.app;

import java.io.PrintWriter;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.app.topology.Topology;
import org.oneedge.interworking.location.NetworkLocationConfig;
import org.oneedge.interworking.location.NetworkLocationProvider;

/**
 * {@code oneedge run --network-location}: the location server for network-based {@code <locationPolicy>} resources
 * ({@code los} 1) of the first MN-CSE (the IN-CSE when there is none), reading positions from the MEC platform's
 * MEC 013 Location API; {@code lot} is the UE address as the emulator names it (e.g. {@code acr:10.0.0.1}).
 */
record NetworkLocationLaunch() implements TopologyAddOn {

    @Override
    public NetworkLocationProvider start(Topology topology, NodeConfig config, PrintWriter out) {
        OneEdgeNode cse = topology.nodes().stream()
                .filter(n -> n.config().cseType() == NodeConfig.CseKind.MN).findFirst()
                .orElse(topology.nodes().get(0));
        OneEdgeNode mec = topology.nodes().stream().filter(n -> n.mecNode() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("--network-location needs the MEC platform"));
        String locationUrl = mec.mecNode().baseUrl() + "/location/v3";
        NetworkLocationProvider provider = new NetworkLocationProvider(NetworkLocationConfig.builder()
                .cseBaseName(cse.config().cseBaseName()).originator(cse.config().adminOriginator())
                .locationUrl(locationUrl).build(), cse.cse()).start();
        out.println("Network location provider for " + cse.config().cseId() + " (locationPolicy los=1) reading "
                + locationUrl);
        return provider;
    }
}

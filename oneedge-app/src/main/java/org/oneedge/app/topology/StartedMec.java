package org.oneedge.app.topology;

import java.util.List;
import org.oneedge.app.node.MecNode;

/**
 * What an add-on needs from a started MEC platform: its base URL and the MEC hosts (each serves the Mp1 APIs below
 * {@code /<host>}).
 */
public record StartedMec(String baseUrl, List<String> hostNames) {

    public StartedMec {
        hostNames = List.copyOf(hostNames);
        if (hostNames.isEmpty()) {
            throw new IllegalArgumentException("a MEC platform needs at least one MEC host");
        }
    }

    public static StartedMec of(MecNode node) {
        return new StartedMec(node.baseUrl(), node.hostNames());
    }

    /** The Mp1 view of one MEC host (the first when {@code host} is null), e.g. {@code http://…:8090/mec-host-1}. */
    public String hostView(String host) {
        String h = host == null ? hostNames.getFirst() : host;
        if (!hostNames.contains(h)) {
            throw new IllegalArgumentException("MEC host '" + h + "' is not one of the platform's hosts " + hostNames);
        }
        return baseUrl + "/" + h;
    }
}

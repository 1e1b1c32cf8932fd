package org.oneedge.mec.api.ams;

import java.util.List;

/** How to reach an application instance (MEC 021 7.5.2): IP address and port pairs. */
public record CommunicationInterface(List<IpAddress> ipAddresses) {

    /** One address/port pair. */
    public record IpAddress(String host, int port) {
    }
}

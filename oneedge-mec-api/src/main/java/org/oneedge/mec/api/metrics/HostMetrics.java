package org.oneedge.mec.api.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * Load figures of one MEC host from the OneEdge platform metrics service ({@code /metrics/v1}, not an ETSI API; same
 * REST style), used by orchestration to place and move applications.
 *
 * @param cpuLoad              CPU load, 0.0 to 1.0
 * @param memoryUsed           bytes in use
 * @param memoryTotal          bytes installed
 * @param networkThroughputBps current network throughput, bits per second
 * @param latencyMs            round-trip latency to the host from its users, milliseconds
 * @param radioLoad            load of the radio cells served by the host, 0.0 to 1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostMetrics(String hostName, double cpuLoad, long memoryUsed, long memoryTotal,
                          double networkThroughputBps, double latencyMs, double radioLoad, TimeStamp timeStamp,
                          @JsonProperty("_links") Links links) {

    /** {@code _links}: this host's metrics resource. */
    public record Links(LinkType self) {
    }
}

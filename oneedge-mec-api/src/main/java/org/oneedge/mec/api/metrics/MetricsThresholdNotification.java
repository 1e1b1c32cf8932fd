package org.oneedge.mec.api.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

/** Sent when a watched metric of a host crosses the subscription's threshold. */
public record MetricsThresholdNotification(String notificationType, String hostName, MetricName metric,
                                           double threshold, ThresholdDirection direction, double value,
                                           TimeStamp timeStamp, @JsonProperty("_links") Links links) {

    public static final String TYPE = "MetricsThresholdNotification";

    /** {@code _links}: the subscription. */
    public record Links(LinkType subscription) {
    }
}

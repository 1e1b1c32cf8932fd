package org.oneedge.mec.api.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * Subscription to threshold crossings of one metric ({@code POST /metrics/v1/subscriptions}); {@code hostName} null
 * watches every host (in a host view it defaults to that host). A notification is sent each time the value crosses
 * the threshold in {@code direction}; the subscription ends at {@code expiryDeadline} with an
 * {@code ExpiryNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricsThresholdSubscription(String subscriptionType, String callbackReference, String hostName,
                                           MetricName metric, Double threshold, ThresholdDirection direction,
                                           TimeStamp expiryDeadline, @JsonProperty("_links") Links links) {

    public static final String TYPE = "MetricsThresholdSubscription";

    /** {@code _links}: the subscription itself. */
    public record Links(LinkType self) {
    }

    public MetricsThresholdSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE + ", was " + subscriptionType);
        }
        if (callbackReference == null || callbackReference.isBlank()) {
            throw new IllegalArgumentException("callbackReference is required");
        }
        if (metric == null) {
            throw new IllegalArgumentException("metric is required");
        }
        if (threshold == null || threshold.isNaN()) {
            throw new IllegalArgumentException("threshold is required");
        }
        if (direction == null) {
            throw new IllegalArgumentException("direction is required (ABOVE or BELOW)");
        }
    }

    public static MetricsThresholdSubscription of(String callback, String hostName, MetricName metric,
                                                  double threshold, ThresholdDirection direction) {
        return new MetricsThresholdSubscription(TYPE, callback, hostName, metric, threshold, direction, null, null);
    }
}

package org.oneedge.mec.api.metrics;

import com.fasterxml.jackson.core.type.TypeReference;
import org.oneedge.mec.api.common.MecRestClient;

import java.util.List;

/** Blocking client of the OneEdge platform metrics service ({@code /metrics/v1}). */
public final class MecMetricsClient {

    public static final String BASE_PATH = "/metrics/v1";

    private final MecRestClient rest;

    /** @param platformUrl the MEC platform (or host view) URL */
    public MecMetricsClient(String platformUrl) {
        this(MecRestClient.of((platformUrl.endsWith("/") ? platformUrl.substring(0, platformUrl.length() - 1)
                : platformUrl) + BASE_PATH));
    }

    public MecMetricsClient(MecRestClient rest) {
        this.rest = rest;
    }

    public List<HostMetrics> hosts() {
        return rest.get("/hosts", new TypeReference<List<HostMetrics>>() { }).body();
    }

    public HostMetrics host(String hostName) {
        return rest.get("/hosts/" + hostName, HostMetrics.class).body();
    }

    public MetricsThresholdSubscription subscribe(MetricsThresholdSubscription subscription) {
        return rest.post("/subscriptions", subscription, MetricsThresholdSubscription.class).body();
    }

    public List<MetricsThresholdSubscription> subscriptions() {
        return rest.get("/subscriptions", new TypeReference<List<MetricsThresholdSubscription>>() { }).body();
    }

    public void unsubscribe(String subscriptionHref) {
        rest.delete(subscriptionHref);
    }
}

package org.oneedge.federation;

/**
 * The changing figures a node reports with each heartbeat, raw (not normalised): load in percent (0..100), latency
 * to its clients in ms, cost per hour in the federation's accounting unit, and radio quality as RSRP in dBm
 * (MEC 012, -140..-44). Null means not reported.
 */
public record NodeMetrics(Double loadPercent, Double latencyMs, Double costPerHour, Double rsrpDbm) {

    public static final NodeMetrics NONE = new NodeMetrics(null, null, null, null);

    public NodeMetrics {
        requireFinite("loadPercent", loadPercent);
        requireFinite("latencyMs", latencyMs);
        requireFinite("costPerHour", costPerHour);
        requireFinite("rsrpDbm", rsrpDbm);
    }

    private static void requireFinite(String name, Double v) {
        if (v != null && !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + v);
        }
    }
}

package org.oneedge.bench.cse;

import org.HdrHistogram.Histogram;

/**
 * The figures of one benchmark phase: how many requests completed in the measured window, how many failed, and
 * their latency distribution (HdrHistogram, microseconds).
 *
 * @param name      the row label, e.g. "create concurrent"
 * @param jsonKey   the prefix of its JSON keys, e.g. "creates" gives createsPerSecond, createsP99Ms
 * @param clients   concurrent clients
 * @param requests  requests completed in the window
 * @param errors    requests answered with an unexpected status or failed on the wire
 * @param seconds   length of the measured window
 * @param latencyMicros latencies of the completed requests
 */
public record PhaseResult(String name, String jsonKey, int clients, long requests, long errors, double seconds,
                          Histogram latencyMicros) {

    public double perSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }

    public double p50Ms() {
        return percentileMs(50);
    }

    public double p90Ms() {
        return percentileMs(90);
    }

    public double p99Ms() {
        return percentileMs(99);
    }

    public double maxMs() {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getMaxValue() / 1000.0;
    }

    private double percentileMs(double p) {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(p) / 1000.0;
    }
}

package org.oneedge.mec.platform.metrics;

/**
 * One reading of a MEC host's load, as a {@link HostMetricsSource} reports it (units as in
 * {@link org.oneedge.mec.api.metrics.HostMetrics}).
 */
public record HostMetricsSample(double cpuLoad, long memoryUsed, long memoryTotal, double networkThroughputBps,
                                double latencyMs, double radioLoad) {

    public HostMetricsSample {
        if (cpuLoad < 0 || radioLoad < 0 || memoryUsed < 0 || memoryTotal < 0 || networkThroughputBps < 0
                || latencyMs < 0) {
            throw new IllegalArgumentException("metrics must not be negative");
        }
    }

    /** An idle host with {@code memoryTotal} bytes. */
    public static HostMetricsSample idle(long memoryTotal) {
        return new HostMetricsSample(0, 0, memoryTotal, 0, 0, 0);
    }

    public HostMetricsSample withCpuLoad(double v) {
        return new HostMetricsSample(v, memoryUsed, memoryTotal, networkThroughputBps, latencyMs, radioLoad);
    }

    public HostMetricsSample withMemoryUsed(long v) {
        return new HostMetricsSample(cpuLoad, v, memoryTotal, networkThroughputBps, latencyMs, radioLoad);
    }

    public HostMetricsSample withNetworkThroughputBps(double v) {
        return new HostMetricsSample(cpuLoad, memoryUsed, memoryTotal, v, latencyMs, radioLoad);
    }

    public HostMetricsSample withLatencyMs(double v) {
        return new HostMetricsSample(cpuLoad, memoryUsed, memoryTotal, networkThroughputBps, v, radioLoad);
    }

    public HostMetricsSample withRadioLoad(double v) {
        return new HostMetricsSample(cpuLoad, memoryUsed, memoryTotal, networkThroughputBps, latencyMs, v);
    }
}

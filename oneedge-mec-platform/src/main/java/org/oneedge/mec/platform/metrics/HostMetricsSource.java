package org.oneedge.mec.platform.metrics;

/**
 * SPI: where the metrics service gets a MEC host's figures from. {@link EmulatedHostMetrics} holds values set by the
 * network emulator or by tests; {@link JvmHostMetrics} reads the local machine through the JVM.
 */
@FunctionalInterface
public interface HostMetricsSource {

    /** The current figures; called from the metrics sampler and on each GET, so it must be cheap. */
    HostMetricsSample read();
}

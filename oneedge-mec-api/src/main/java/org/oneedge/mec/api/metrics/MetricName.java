package org.oneedge.mec.api.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A figure of {@link HostMetrics} that a threshold subscription can watch; written as the field name. */
public enum MetricName {
    CPU_LOAD("cpuLoad"),
    MEMORY_USED("memoryUsed"),
    MEMORY_TOTAL("memoryTotal"),
    NETWORK_THROUGHPUT_BPS("networkThroughputBps"),
    LATENCY_MS("latencyMs"),
    RADIO_LOAD("radioLoad");

    private final String field;

    MetricName(String field) {
        this.field = field;
    }

    @JsonValue
    public String field() {
        return field;
    }

    /** Reads the field name ({@code cpuLoad}) or the constant name ({@code CPU_LOAD}). */
    @JsonCreator
    public static MetricName fromJson(String value) {
        for (MetricName m : values()) {
            if (m.field.equals(value) || m.name().equals(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + value + "'; one of cpuLoad, memoryUsed, memoryTotal, "
                + "networkThroughputBps, latencyMs, radioLoad");
    }

    /** This metric's value in {@code m}. */
    public double valueIn(HostMetrics m) {
        return switch (this) {
            case CPU_LOAD -> m.cpuLoad();
            case MEMORY_USED -> m.memoryUsed();
            case MEMORY_TOTAL -> m.memoryTotal();
            case NETWORK_THROUGHPUT_BPS -> m.networkThroughputBps();
            case LATENCY_MS -> m.latencyMs();
            case RADIO_LOAD -> m.radioLoad();
        };
    }
}

package org.oneedge.mec.platform.metrics;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Metrics of an emulated MEC host: whatever the scenario emulator or a test sets. Each change is pushed to listeners
 * at once, so threshold notifications do not wait for the next sampling tick.
 */
public final class EmulatedHostMetrics implements HostMetricsSource {

    /** Default installed memory of an emulated host: 16 GiB. */
    public static final long DEFAULT_MEMORY_TOTAL = 16L << 30;

    private volatile HostMetricsSample current;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public EmulatedHostMetrics() {
        this(HostMetricsSample.idle(DEFAULT_MEMORY_TOTAL));
    }

    public EmulatedHostMetrics(HostMetricsSample initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    @Override
    public HostMetricsSample read() {
        return current;
    }

    public void set(HostMetricsSample sample) {
        current = Objects.requireNonNull(sample, "sample");
        listeners.forEach(Runnable::run);
    }

    /** Applies {@code change} to the current figures, e.g. {@code update(s -> s.withRadioLoad(0.8))}. */
    public synchronized void update(UnaryOperator<HostMetricsSample> change) {
        set(change.apply(current));
    }

    /** Called after every change (the metrics service evaluates thresholds). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}

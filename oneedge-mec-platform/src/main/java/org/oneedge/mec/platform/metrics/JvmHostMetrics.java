package org.oneedge.mec.platform.metrics;

import java.lang.management.ManagementFactory;

/**
 * Metrics of the machine the platform runs on, read through the JVM's {@code OperatingSystemMXBean} (CPU load and
 * physical memory); network throughput, latency and radio load are not observable this way and read 0.
 */
public final class JvmHostMetrics implements HostMetricsSource {

    private final java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    @Override
    public HostMetricsSample read() {
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            double cpu = sun.getCpuLoad();
            long total = sun.getTotalMemorySize();
            long free = sun.getFreeMemorySize();
            return new HostMetricsSample(cpu < 0 ? 0 : cpu, Math.max(0, total - free), total, 0, 0, 0);
        }
        double perCpu = os.getSystemLoadAverage() / Math.max(1, os.getAvailableProcessors());
        Runtime rt = Runtime.getRuntime();
        return new HostMetricsSample(perCpu < 0 ? 0 : Math.min(1, perCpu), rt.totalMemory() - rt.freeMemory(),
                rt.maxMemory(), 0, 0, 0);
    }
}

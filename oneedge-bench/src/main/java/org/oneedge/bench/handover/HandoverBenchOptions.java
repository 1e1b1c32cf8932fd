package org.oneedge.bench.handover;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * What one run of the {@link HandoverBench} does.
 *
 * @param devices        devices (one AE each), all starting at the first MN-CSE
 * @param mode           CSEs in this JVM or as child processes
 * @param mnCount        MN-CSEs the devices move between, at least 2; default 2
 * @param rounds         times every device is moved (to the next MN-CSE, round robin); 0 = automatic: 100 / devices,
 *                       at least 4 and at most 100
 * @param uplinkPeriod   time between two uplink contentInstances of one device; default 10 ms
 * @param downlinkPeriod time between two downlink contentInstances to one device; default 100 ms
 * @param concurrency    handovers in flight at once; default 256 (a fleet is moved side by side: with 32, 1,000
 *                       devices took 4.75 s to move, with 256 3.90 s, with 1,000 2.92 s; each in-flight handover
 *                       holds its device, so more at once also lengthens the devices' interruptions)
 * @param maxInstances   newest contentInstances moved per container; default 10
 * @param javaCommand    {@code java} and class path options for {@link Mode#PROCESSES}, e.g. {@code [java, -cp, …]}
 * @param progress       where progress lines go (stderr in the CLI)
 */
public record HandoverBenchOptions(int devices, Mode mode, int mnCount, int rounds, Duration uplinkPeriod,
                                   Duration downlinkPeriod, int concurrency, int maxInstances,
                                   List<String> javaCommand, PrintStream progress) {

    /** Where the CSEs run. */
    public enum Mode { JVM, PROCESSES }

    public HandoverBenchOptions {
        if (devices < 1 || mnCount < 2 || rounds < 0 || concurrency < 1 || maxInstances < 1) {
            throw new IllegalArgumentException("devices >= 1, mnCount >= 2, rounds >= 0, concurrency >= 1 and"
                    + " maxInstances >= 1 are needed");
        }
        if (uplinkPeriod.isNegative() || uplinkPeriod.isZero() || downlinkPeriod.isNegative()
                || downlinkPeriod.isZero()) {
            throw new IllegalArgumentException("periods must be positive");
        }
        javaCommand = List.copyOf(javaCommand);
        if (mode == Mode.PROCESSES && javaCommand.isEmpty()) {
            throw new IllegalArgumentException("processes mode needs the java command to start the nodes with");
        }
    }

    /** Defaults for {@code devices} devices in one JVM. */
    public static HandoverBenchOptions defaults(int devices, PrintStream progress) {
        return new HandoverBenchOptions(devices, Mode.JVM, 2, 0, Duration.ofMillis(10), Duration.ofMillis(100), 256,
                10, List.of(), progress);
    }

    public HandoverBenchOptions withMode(Mode value, List<String> java) {
        return new HandoverBenchOptions(devices, value, mnCount, rounds, uplinkPeriod, downlinkPeriod, concurrency,
                maxInstances, java, progress);
    }

    public HandoverBenchOptions withRounds(int value) {
        return new HandoverBenchOptions(devices, mode, mnCount, value, uplinkPeriod, downlinkPeriod, concurrency,
                maxInstances, javaCommand, progress);
    }

    public HandoverBenchOptions withMnCount(int value) {
        return new HandoverBenchOptions(devices, mode, value, rounds, uplinkPeriod, downlinkPeriod, concurrency,
                maxInstances, javaCommand, progress);
    }

    public HandoverBenchOptions withConcurrency(int value) {
        return new HandoverBenchOptions(devices, mode, mnCount, rounds, uplinkPeriod, downlinkPeriod, value,
                maxInstances, javaCommand, progress);
    }

    /** The rounds actually run. */
    public int effectiveRounds() {
        return rounds > 0 ? rounds : Math.max(4, Math.min(100, 100 / devices));
    }
}

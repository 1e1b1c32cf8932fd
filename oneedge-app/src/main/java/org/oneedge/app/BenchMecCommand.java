package org.oneedge.app;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.oneedge.mec.platform.bench.MecBench;
import org.oneedge.mec.platform.bench.MecBenchOptions;
import org.oneedge.mec.platform.bench.MecBenchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oneedge bench mec}: runs the MEC platform benchmark driver ({@link MecBench}, module oneedge-mec-platform). */
@Command(name = "mec", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = "Benchmark the emulated MEC platform: N UEs move along the default scenario's road in real time while RNIS and Location subscriptions notify a local receiver; prints the position-update rate kept, notifications delivered per second and notifications dropped.")
final class BenchMecCommand implements Callable<Integer> {

    @Option(names = "--ues", paramLabel = "N", defaultValue = "10000", description = "Emulated UEs (default ${DEFAULT-VALUE}).")
    int ues;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "10", description = "Position updates per UE per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "30s", converter = DurationConverter.class, description = "Measured time (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "5s", converter = DurationConverter.class, description = "Unmeasured warm-up (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Emulator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--callbacks", paramLabel = "N", defaultValue = "16", description = "Distinct callback URLs the subscriptions are spread over (default ${DEFAULT-VALUE}).")
    int callbacks;

    @Option(names = "--measurement-reports", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Subscribe RNIS measurement reports too (default ${DEFAULT-VALUE}).")
    boolean measurementReports;

    @Option(names = "--queue-capacity", paramLabel = "N", defaultValue = "20000", description = "Notifications queued per callback URL before dropping (default ${DEFAULT-VALUE}).")
    int queueCapacity;

    @Option(names = "--json", description = "Print one JSON object instead of the text summary.")
    boolean json;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "WARN", description = "Log level during the run (default ${DEFAULT-VALUE}).")
    String logLevel;

    private final AppContext context;

    BenchMecCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LogLevels.apply(logLevel);
        MecBenchOptions options = MecBenchOptions.builder().ues(ues).updateRateHz(rate).duration(duration)
                .warmup(warmup).seed(seed).callbackEndpoints(callbacks).measurementReports(measurementReports)
                .queueCapacity(queueCapacity).build();
        context.err().println("[bench] MEC platform: " + ues + " UEs at " + rate + " Hz, warm-up " + warmup.toSeconds()
                + "s, measuring " + duration.toSeconds() + "s ...");
        MecBenchResult result = new MecBench().run(options);
        context.out().println(json ? result.toJson() : result.toString());
        context.out().flush();
        return 0;
    }
}

package org.oneedge.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.oneedge.bench.handover.HandoverBench;
import org.oneedge.bench.handover.HandoverBenchOptions;
import org.oneedge.bench.handover.HandoverBenchReport;
import org.oneedge.model.ContentCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oneedge bench handover}: runs the {@link HandoverBench} driver (module oneedge-bench) for one or more device
 * counts, with the CSEs in this JVM or as child processes of the same jar.
 */
@Command(name = "handover", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Benchmark service-layer handover (design/HANDOVER.md): devices send a numbered contentInstance every 10 ms and receive downlink while the coordinator moves every device between MN-CSEs registered to an IN-CSE, round after round. Counts every message at both ends and prints handovers, uplink interruption p50/p99/max, downlink hold p99, transfer bytes, lost and duplicated messages and the time to move all devices. Results go to stdout (table, or JSON with --json); progress goes to stderr.")
final class BenchHandoverCommand implements Callable<Integer> {

    @Option(names = "--devices", paramLabel = "N", split = ",", defaultValue = "1,100,1000", description = "Device counts to run, one run each (default ${DEFAULT-VALUE}).")
    List<Integer> devices;

    @Option(names = "--mode", paramLabel = "jvm|processes", defaultValue = "jvm", description = "jvm: every CSE in this JVM, over HTTP on loopback; processes: the IN-CSE and each MN-CSE as a child JVM (default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--mn-cses", paramLabel = "N", defaultValue = "2", description = "MN-CSEs the devices move between, round robin (default ${DEFAULT-VALUE}).")
    int mnCses;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "0", description = "Times every device is moved; 0 = 100 / devices, at least 4 and at most 100 (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "256", description = "Handovers in flight at once (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--uplink-period", paramLabel = "TIME", defaultValue = "10ms", converter = DurationConverter.class, description = "Time between two uplinks of one device (default ${DEFAULT-VALUE}).")
    Duration uplinkPeriod;

    @Option(names = "--downlink-period", paramLabel = "TIME", defaultValue = "100ms", converter = DurationConverter.class, description = "Time between two downlinks to one device (default ${DEFAULT-VALUE}).")
    Duration downlinkPeriod;

    @Option(names = "--json", description = "Print one JSON object (with several device counts: {\"runs\": [...]}) instead of the table.")
    boolean json;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "WARN", description = "Log level during the run (default ${DEFAULT-VALUE}).")
    String logLevel;

    private final AppContext context;

    BenchHandoverCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LogLevels.apply(logLevel);
        HandoverBenchOptions.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "jvm" -> HandoverBenchOptions.Mode.JVM;
            case "processes" -> HandoverBenchOptions.Mode.PROCESSES;
            default -> throw new IllegalArgumentException("--mode must be jvm or processes, got '" + mode + "'");
        };
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"));
        PrintStream progress = System.err;
        List<HandoverBenchReport> reports = new ArrayList<>();
        for (int n : devices) {
            HandoverBenchOptions options = new HandoverBenchOptions(n, m, mnCses, rounds, uplinkPeriod,
                    downlinkPeriod, concurrency, HandoverBenchOptions.defaults(1, progress).maxInstances(),
                    m == HandoverBenchOptions.Mode.PROCESSES ? java : List.of(), progress);
            HandoverBenchReport report = new HandoverBench().run(options);
            reports.add(report);
            if (!json) {
                context.out().print(report.table());
                context.out().flush();
            }
        }
        if (json) {
            if (reports.size() == 1) {
                context.out().println(reports.get(0).json().toPrettyString());
            } else {
                ObjectNode all = ContentCodec.object();
                ArrayNode runs = all.putArray("runs");
                reports.forEach(r -> runs.add(r.json()));
                context.out().println(all.toPrettyString());
            }
            context.out().flush();
        }
        return reports.stream().allMatch(r -> r.lost() == 0 && r.duplicates() == 0) ? 0 : 1;
    }
}

package org.oneedge.app;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.oneedge.app.bench.StoreContainerFiller;
import org.oneedge.app.config.ConfigKey;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.config.NodeConfigLoader;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.bench.cse.CseBench;
import org.oneedge.bench.cse.CseBenchOptions;
import org.oneedge.bench.cse.CseBenchReport;
import org.oneedge.bench.http.BenchClientKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oneedge bench cse}: runs the {@link CseBench} driver (module oneedge-bench) against a CSE it starts
 * in-process on a free port (H2 in a temporary directory, durable writes) or against a running one ({@code --url}).
 */
@Command(name = "cse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Benchmark a CSE over HTTP: contentInstance creates and 'la' retrieves with 1 and N clients, optionally against a bare HTTP handler (--baseline), and 'la' at 10 vs many instances. Default target: a CSE started in this JVM on a free port with an H2 store in a temporary directory. Results go to stdout (table, or JSON with --json); progress goes to stderr.")
final class BenchCseCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", description = "CSEBase of a running CSE, e.g. http://127.0.0.1:8080/cse-in (default: start one in-process).")
    URI url;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "8", description = "Concurrent clients in the concurrent phases (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10s", converter = DurationConverter.class, description = "Measured time per phase (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "3s", converter = DurationConverter.class, description = "Unmeasured warm-up before each phase (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--baseline", description = "Also measure a bare HTTP handler on the same server stack and print each CSE rate as a ratio to it (in-process target).")
    boolean baseline;

    @Option(names = "--baseline-url", paramLabel = "URL", description = "The bare handler's URL when the target is a running CSE (--url).")
    URI baselineUrl;

    @Option(names = "--flat-size", paramLabel = "N", defaultValue = "100000", description = "Instances for the second 'la' flatness measurement; 0 skips the flatness phase (default ${DEFAULT-VALUE}).")
    int flatSize;

    @Option(names = "--client", paramLabel = "raw|jdk", defaultValue = "raw", description = "HTTP client: raw (minimal HTTP/1.1 keep-alive socket client) or jdk (java.net.http) (default ${DEFAULT-VALUE}).")
    String client;

    @Option(names = "--payload-size", paramLabel = "BYTES", defaultValue = "32", description = "Size of each contentInstance's content (default ${DEFAULT-VALUE}).")
    int payloadSize;

    @Option(names = "--store", paramLabel = "h2|memory", defaultValue = "h2", description = "Store of the in-process CSE (default ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "WARN", description = "Log level of the in-process CSE (default ${DEFAULT-VALUE}).")
    String logLevel;

    private final AppContext context;

    BenchCseCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        LogLevels.apply(logLevel);
        BenchClientKind kind = switch (client.toLowerCase(java.util.Locale.ROOT)) {
            case "raw" -> BenchClientKind.RAW;
            case "jdk" -> BenchClientKind.JDK;
            default -> throw new IllegalArgumentException("--client must be raw or jdk, got '" + client + "'");
        };
        PrintStream progress = System.err;
        if (url != null) {
            if (baseline && baselineUrl == null) {
                throw new IllegalArgumentException("--baseline with --url needs --baseline-url (the bare handler of"
                        + " that server); without --url the in-process CSE provides one");
            }
            CseBenchOptions o = new CseBenchOptions(url, baselineUrl, clients, duration, warmup, flatSize, kind,
                    payloadSize, null, null, progress);
            print(new CseBench(o).run());
            return 0;
        }
        Path dir = Files.createTempDirectory("oneedge-bench-");
        try {
            NodeConfig config = new NodeConfigLoader().flags(Map.of(
                    ConfigKey.HTTP_PORT, "0",
                    ConfigKey.STORE, store,
                    ConfigKey.DATA_DIR, dir.toString(),
                    ConfigKey.LOG_LEVEL, logLevel)).load();
            try (OneEdgeNode node = OneEdgeNode.start(config, baseline)) {
                progress.println("[bench] in-process CSE at " + node.cseBaseUrl() + " (store " + store
                        + (store.equalsIgnoreCase("h2") ? " in " + dir : "") + ")");
                CseBenchOptions o = new CseBenchOptions(URI.create(node.cseBaseUrl()),
                        baseline ? URI.create(node.baselineUrl()) : null, clients, duration, warmup, flatSize, kind,
                        payloadSize, node.cse(), new StoreContainerFiller(node.store()), progress);
                print(new CseBench(o).run());
            }
        } finally {
            deleteRecursively(dir);
        }
        return 0;
    }

    private void print(CseBenchReport report) {
        context.out().print(json ? report.json().toPrettyString() + System.lineSeparator() : report.table());
        context.out().flush();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

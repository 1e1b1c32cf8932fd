package org.oneedge.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oneedge.app.node.Listener;
import org.oneedge.app.node.MecNode;
import org.oneedge.mec.platform.lcm.TrackingAppInstantiator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oneedge mec}: the ETSI MEC platform and its network/mobility emulator alone, without a CSE. */
@Command(name = "mec", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start the MEC platform alone (MEC 010-2/011/012/013/021/033 APIs and metrics) with its network and mobility emulator, and print its API roots. Ctrl-C stops it.")
final class MecCommand implements Callable<Integer> {

    @Option(names = "--scenario", paramLabel = "FILE", description = "Emulator scenario file (default: built-in scenario).")
    Path scenario;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8090", description = "HTTP port, 0 = any free port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Bind address (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "INFO", description = "TRACE, DEBUG, INFO, WARN, ERROR (default ${DEFAULT-VALUE}).")
    String logLevel;

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "1",
            description = "Emulated seconds per wall-clock second, e.g. 20 to see UEs change cells and zones within seconds (default ${DEFAULT-VALUE} = real time).")
    double speed;

    private final AppContext context;

    MecCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        LogLevels.apply(logLevel);
        if (port < 0 || port > 65535) {
            throw new org.oneedge.app.config.ConfigException("--port must be a TCP port between 0 and 65535, got " + port);
        }
        if (scenario != null && !java.nio.file.Files.isRegularFile(scenario)) {
            throw new org.oneedge.app.config.ConfigException("scenario file " + scenario + " does not exist");
        }
        if (!(speed > 0) || speed > 1000) {
            throw new org.oneedge.app.config.ConfigException("--speed must be above 0 and at most 1000, got " + speed);
        }
        return context.runUntilStopped(
                () -> MecNode.start(host, port, scenario, new TrackingAppInstantiator(), speed), mec -> {
            for (Listener l : mec.listeners()) {
                context.out().println(l.line());
            }
        });
    }
}

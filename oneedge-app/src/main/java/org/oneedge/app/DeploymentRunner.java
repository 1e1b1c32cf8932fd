package org.oneedge.app;

import java.util.concurrent.Callable;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.EdgeDeployment;
import org.oneedge.app.node.Listener;

/**
 * Runs a oneM2M/MEC deployment option ({@code oneedge run --deployment A|B|C|D}) until told to stop: prints one line per
 * listener and the map, waits for SIGTERM/SIGINT, then withdraws from MEC and closes the node.
 */
final class DeploymentRunner implements Callable<Integer> {

    private final AppContext context;
    private final NodeConfig config;
    private final EdgeDeployment.Option option;

    DeploymentRunner(AppContext context, NodeConfig config, EdgeDeployment.Option option) {
        this.context = context;
        this.config = config;
        this.option = option;
    }

    @Override
    public Integer call() throws Exception {
        LogLevels.apply(config.logLevel());
        return context.runUntilStopped(() -> EdgeDeployment.start(config, option), running -> {
            for (Listener l : running.listeners()) {
                context.out().println(l.line());
            }
            context.out().println("Deployment (role, CSE-ID, CSEBase, points of access, registrar):");
            running.map().forEach(line -> context.out().println("  " + line));
        });
    }
}

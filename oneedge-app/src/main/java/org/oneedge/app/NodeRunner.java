package org.oneedge.app;

import java.util.concurrent.Callable;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.Listener;
import org.oneedge.app.node.OneEdgeNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a node until it is told to stop: start, print one line per listener, wait for SIGTERM/SIGINT (or the test's
 * stop request), close everything in order and say so.
 */
final class NodeRunner implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(NodeRunner.class);

    private final AppContext context;
    private final NodeConfig config;

    NodeRunner(AppContext context, NodeConfig config) {
        this.context = context;
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        LogLevels.apply(config.logLevel());
        log.info("Configuration: cse.id={} cse.base-name={} cse.type={} sp-id={} http={}:{} store={} data-dir={} "
                        + "mec.enabled={} mec.port={}", config.cseId(), config.cseBaseName(), config.cseType(),
                config.spId(), config.httpHost(), config.httpPort(), config.storeType(), config.dataDir(),
                config.mecEnabled(), config.mecPort());
        ShutdownSignal signal = context.shutdown().get();
        try (OneEdgeNode node = OneEdgeNode.start(config)) {
            for (Listener l : node.listeners()) {
                context.out().println(l.line());
            }
            context.out().println("Press Ctrl-C to stop (or send SIGTERM to pid " + ProcessHandle.current().pid() + ").");
            context.out().flush();
            signal.awaitStopRequest();
            context.out().println("Stopping...");
            context.out().flush();
        } finally {
            context.out().println("Stopped.");
            context.out().flush();
            signal.markStopped();
        }
        return 0;
    }
}

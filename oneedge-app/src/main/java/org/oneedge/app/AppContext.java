package org.oneedge.app;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the commands take from the outside world: the environment (injectable so tests never touch the real one),
 * where to print, and how a long-running command learns it must stop.
 */
public record AppContext(Map<String, String> env, PrintWriter out, PrintWriter err, Supplier<ShutdownSignal> shutdown) {

    public AppContext {
        env = Map.copyOf(env);
    }

    /** The real process: {@code System.getenv()}, stdout/stderr, SIGTERM/SIGINT. */
    public static AppContext system() {
        return new AppContext(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                ShutdownSignal::onJvmShutdown);
    }
}

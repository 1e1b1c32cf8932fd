package org.oneedge.app;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the commands take from the outside world: the environment (injectable so tests never touch the real one),
 * where to print, and how a long-running command learns it must stop.
 */
public record AppContext(Map<String, String> env, PrintWriter out, PrintWriter err, Supplier<ShutdownSignal> shutdown) {

    public AppContext {
        env = Map.copyOf(env);
    }

    /** Starts what a long-running command runs, e.g. {@code () -> MecNode.start(host, port, scenario)}. */
    @FunctionalInterface
    interface Starter<T extends AutoCloseable> {
        T start() throws Exception;
    }

    /**
     * Runs a long-running command in the foreground: starts it, prints its banner and how to stop it, waits for the
     * stop request and closes it. "Stopped." is printed and the signal marked even when starting fails.
     *
     * @return the exit code, 0
     */
    <T extends AutoCloseable> int runUntilStopped(Starter<T> starter, Consumer<T> banner) throws Exception {
        ShutdownSignal signal = shutdown.get();
        try (T running = starter.start()) {
            banner.accept(running);
            out.println("Press Ctrl-C to stop (or send SIGTERM to pid " + ProcessHandle.current().pid() + ").");
            out.flush();
            signal.awaitStopRequest();
            out.println("Stopping...");
            out.flush();
        } finally {
            out.println("Stopped.");
            out.flush();
            signal.markStopped();
        }
        return 0;
    }

    /** {@link #runUntilStopped(Starter, Consumer)} without a banner. */
    <T extends AutoCloseable> int runUntilStopped(Starter<T> starter) throws Exception {
        return runUntilStopped(starter, running -> {
        });
    }

    /** The real process: {@code System.getenv()}, stdout/stderr, SIGTERM/SIGINT. */
    public static AppContext system() {
        return new AppContext(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                ShutdownSignal::onJvmShutdown);
    }
}

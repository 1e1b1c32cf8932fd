package org.oneedge.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a long-running command when to stop and lets whoever asked wait until it has: SIGTERM/SIGINT through a JVM
 * shutdown hook in production, a plain {@link #requestStop()} call in tests (which must not kill their own JVM).
 */
public final class ShutdownSignal {
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Turns SIGTERM/SIGINT (Ctrl-C) into a stop request and holds the JVM until the command says it stopped. */
    public static ShutdownSignal onJvmShutdown() {
        ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            signal.requestStop();
            signal.awaitStopped(STOP_GRACE);
        }, "oneedge-shutdown"));
        return signal;
    }

    public void requestStop() {
        stopRequested.countDown();
    }

    public boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** Blocks the command until someone asks it to stop. */
    public void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    /** Called by the command once everything is closed. */
    public void markStopped() {
        stopped.countDown();
    }

    public boolean awaitStopped(Duration timeout) {
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

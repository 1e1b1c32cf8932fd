package org.oneedge.cse.expiry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes resources whose {@code et} has passed (TS-0001 9.6.1.3, digest §1.4), every sweep interval, through the
 * engine's normal delete path so listeners hear about it. Reads already treat an expired resource as absent, so the
 * sweep only has to catch up, not to be punctual.
 */
public final class ExpirySweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);
    private static final int BATCH = 500;

    private final ResourceStore store;
    private final Clock clock;
    private final Duration interval;
    private final Consumer<Resource> delete;
    private ScheduledExecutorService executor;

    /**
     * @param delete deletes one resource and its subtree as the CSE (a resource already gone is not an error)
     */
    public ExpirySweeper(ResourceStore store, Clock clock, Duration interval, Consumer<Resource> delete) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
        this.delete = delete;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("cse-expiry").factory());
        long millis = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(this::sweepSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Deletes everything expired now; returns how many resources it deleted. */
    public int sweep() {
        int deleted = 0;
        while (true) {
            List<Resource> expired = store.expiredBefore(clock.instant(), BATCH);
            for (Resource resource : expired) {
                delete.accept(resource);
                deleted++;
            }
            if (expired.size() < BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            LOG.debug("expiry sweep deleted {} resources", deleted);
        }
        return deleted;
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("expiry sweep failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}

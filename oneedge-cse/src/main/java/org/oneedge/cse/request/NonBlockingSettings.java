package org.oneedge.cse.request;

import java.time.Duration;
import org.oneedge.cse.remote.MccOutbox;

/**
 * Tunables of non-blocking requests (TS-0001 8.2.2, digest §8.4).
 *
 * @param resultPersistence how long a {@code <request>} is kept when the request has no {@code rset} (default 1 h)
 * @param maxPending        non-blocking requests accepted and not yet executed; more are refused with 5000
 *                          (default 10000)
 * @param linkLossQueue     the outbox of forwarded requests whose next hop was unreachable when they ran: how many it
 *                          keeps and how often it tries again (default: {@link MccOutbox.Settings#defaults()} with
 *                          capacity 1000)
 */
public record NonBlockingSettings(Duration resultPersistence, int maxPending, MccOutbox.Settings linkLossQueue) {

    public NonBlockingSettings {
        if (resultPersistence == null || resultPersistence.isNegative() || resultPersistence.isZero() || maxPending < 1
                || linkLossQueue == null) {
            throw new IllegalArgumentException("resultPersistence must be positive, maxPending at least 1 and the "
                    + "link-loss queue settings given");
        }
    }

    public static NonBlockingSettings defaults() {
        return new NonBlockingSettings(Duration.ofHours(1), 10_000, MccOutbox.Settings.defaults().withCapacity(1000));
    }

    public NonBlockingSettings withLinkLossQueue(MccOutbox.Settings value) {
        return new NonBlockingSettings(resultPersistence, maxPending, value);
    }
}

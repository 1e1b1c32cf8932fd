package org.oneedge.cse.request;

import java.time.Duration;

/**
 * Tunables of non-blocking requests (TS-0001 8.2.2, digest §8.4).
 *
 * @param resultPersistence how long a {@code <request>} is kept when the request has no {@code rset} (default 1 h)
 * @param maxPending        non-blocking requests accepted and not yet executed; more are refused with 5000
 *                          (default 10000)
 */
public record NonBlockingSettings(Duration resultPersistence, int maxPending) {

    public NonBlockingSettings {
        if (resultPersistence == null || resultPersistence.isNegative() || resultPersistence.isZero() || maxPending < 1) {
            throw new IllegalArgumentException("resultPersistence must be positive and maxPending at least 1");
        }
    }

    public static NonBlockingSettings defaults() {
        return new NonBlockingSettings(Duration.ofHours(1), 10_000);
    }
}

package org.oneedge.cse.polling;

import java.time.Duration;

/**
 * Tunables of polling channels (TS-0004 7.4.21/7.5.1.2.7, digest §8.3).
 *
 * @param pollTimeout     how long a RETRIEVE of {@code pcu} waits for a message before 4008 (default 25 s, below the
 *                        HTTP binding's 30 s idle timeout); a poller's {@code rqet} shortens it
 * @param queueCapacity   messages waiting per entity (queued plus handed and unanswered); more are refused with 5103
 *                        (default 1000)
 * @param messageTtl      how long a queued message waits for a poll before it is dropped (default 10 min)
 * @param responseTimeout how long a blocking request to an entity reached through its polling channel waits for the
 *                        entity's answer before it ends with 4008 (default 20 s); the request's {@code rqet} shortens it
 */
public record PollingChannelSettings(Duration pollTimeout, int queueCapacity, Duration messageTtl,
                                     Duration responseTimeout) {

    public PollingChannelSettings {
        if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero() || queueCapacity < 1
                || messageTtl == null || messageTtl.isNegative() || messageTtl.isZero()
                || responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("polling timeouts must be positive and the capacity at least 1");
        }
    }

    public static PollingChannelSettings defaults() {
        return new PollingChannelSettings(Duration.ofSeconds(25), 1000, Duration.ofMinutes(10), Duration.ofSeconds(20));
    }

    public PollingChannelSettings withPollTimeout(Duration v) {
        return new PollingChannelSettings(v, queueCapacity, messageTtl, responseTimeout);
    }

    public PollingChannelSettings withQueueCapacity(int v) {
        return new PollingChannelSettings(pollTimeout, v, messageTtl, responseTimeout);
    }

    public PollingChannelSettings withMessageTtl(Duration v) {
        return new PollingChannelSettings(pollTimeout, queueCapacity, v, responseTimeout);
    }

    public PollingChannelSettings withResponseTimeout(Duration v) {
        return new PollingChannelSettings(pollTimeout, queueCapacity, messageTtl, v);
    }
}

package org.oneedge.cse.polling;

import java.time.Duration;

/**
 * Tunables of polling channels (TS-0004 7.4.21/7.5.1.2.7, digest §8.3).
 *
 * @param pollTimeout   how long a RETRIEVE of {@code pcu} waits for a message before 4008 (default 25 s, below the
 *                      HTTP binding's 30 s idle timeout); a poller's {@code rqet} shortens it
 * @param queueCapacity messages waiting per entity; more are refused so the sender sees 5103 (default 1000)
 * @param messageTtl    how long a queued message waits for a poll before it is dropped (default 10 min)
 * @param ackTimeout    how long a message handed to a poll waits for the entity's {@code m2m:rsp} before it is queued
 *                      again at the head, for a poll whose connection dropped (default 30 s)
 */
public record PollingChannelSettings(Duration pollTimeout, int queueCapacity, Duration messageTtl, Duration ackTimeout) {

    public PollingChannelSettings {
        if (pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero() || queueCapacity < 1
                || messageTtl == null || messageTtl.isNegative() || messageTtl.isZero()
                || ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("polling timeouts must be positive and the capacity at least 1");
        }
    }

    public static PollingChannelSettings defaults() {
        return new PollingChannelSettings(Duration.ofSeconds(25), 1000, Duration.ofMinutes(10), Duration.ofSeconds(30));
    }

    public PollingChannelSettings withPollTimeout(Duration v) {
        return new PollingChannelSettings(v, queueCapacity, messageTtl, ackTimeout);
    }

    public PollingChannelSettings withQueueCapacity(int v) {
        return new PollingChannelSettings(pollTimeout, v, messageTtl, ackTimeout);
    }

    public PollingChannelSettings withMessageTtl(Duration v) {
        return new PollingChannelSettings(pollTimeout, queueCapacity, v, ackTimeout);
    }

    public PollingChannelSettings withAckTimeout(Duration v) {
        return new PollingChannelSettings(pollTimeout, queueCapacity, messageTtl, v);
    }
}

package org.oneedge.federation.health;

import java.time.Duration;

/**
 * Configuration of the {@link HealthMonitor}; {@link #defaults()}: heartbeat interval 10 s (the members' default),
 * 3 missed heartbeats make a node DOWN, checks every 5 s.
 *
 * @param heartbeatInterval the interval members heartbeat at
 * @param missedHeartbeats  how many heartbeats in a row a node may miss before it is DOWN
 * @param checkInterval     how often {@link HealthMonitor#check()} runs once started
 */
public record HealthConfig(Duration heartbeatInterval, int missedHeartbeats, Duration checkInterval) {

    public HealthConfig {
        if (heartbeatInterval == null || heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                || checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat and check intervals must be positive");
        }
        if (missedHeartbeats < 1) {
            throw new IllegalArgumentException("missedHeartbeats must be at least 1, was " + missedHeartbeats);
        }
    }

    public static HealthConfig defaults() {
        return new HealthConfig(Duration.ofSeconds(10), 3, Duration.ofSeconds(5));
    }

    /** A node whose last heartbeat is older than this is DOWN: interval x missed heartbeats. */
    public Duration deadline() {
        return heartbeatInterval.multipliedBy(missedHeartbeats);
    }
}

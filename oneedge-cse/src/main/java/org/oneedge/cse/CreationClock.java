package org.oneedge.cse;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands out the instants the CSE writes as {@code ct}/{@code lt}: microsecond precision (what the oneM2M timestamp
 * format carries) and strictly increasing per CSE, so that the store's order by creation time is the order of
 * creation even within one microsecond or under a fixed test clock.
 */
final class CreationClock {

    private final Clock clock;
    private final AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);

    CreationClock(Clock clock) {
        this.clock = clock;
    }

    /** The current time, truncated to microseconds; not unique. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A unique instant, later than every instant handed out before. */
    Instant next() {
        Instant now = now();
        while (true) {
            Instant previous = last.get();
            Instant candidate = now.isAfter(previous) ? now : previous.plus(1, ChronoUnit.MICROS);
            if (last.compareAndSet(previous, candidate)) {
                return candidate;
            }
        }
    }

    Clock clock() {
        return clock;
    }
}

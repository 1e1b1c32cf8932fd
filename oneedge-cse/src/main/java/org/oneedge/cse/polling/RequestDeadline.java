package org.oneedge.cse.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.oneedge.model.TimestampCodec;

/** How long a request may wait: a default bounded by its {@code rqet}, absolute or relative ms (digest §2.1). */
final class RequestDeadline {

    private RequestDeadline() {
    }

    /** {@code limit}, or less when {@code rqet} comes earlier; zero or negative when {@code rqet} has passed. */
    static Duration within(Duration limit, String rqet, Clock clock) {
        Instant expiration = expiration(rqet, clock);
        if (expiration == null) {
            return limit;
        }
        Duration untilRqet = Duration.between(clock.instant(), expiration);
        return untilRqet.compareTo(limit) < 0 ? untilRqet : limit;
    }

    private static Instant expiration(String rqet, Clock clock) {
        if (rqet == null || rqet.isBlank()) {
            return null;
        }
        if (rqet.chars().allMatch(Character::isDigit)) {
            return clock.instant().plusMillis(Long.parseLong(rqet));
        }
        return TimestampCodec.isValid(rqet) ? TimestampCodec.parse(rqet) : null;
    }
}

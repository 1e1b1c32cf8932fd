package org.oneedge.handover.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.MutableClock;

class DownlinkHoldTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final DownlinkHold<String> hold = new DownlinkHold<>(3, Duration.ofSeconds(5), clock);

    @Test
    void releases_held_requests_in_arrival_order() {
        hold.hold("a");
        hold.hold("b");
        clock.advance(Duration.ofMillis(150));
        hold.hold("c");
        List<String> delivered = new ArrayList<>();

        DownlinkHold.Released<String> released = hold.release(delivered::add);

        assertThat(delivered).containsExactly("a", "b", "c");
        assertThat(released.delivered()).isEqualTo(3);
        assertThat(released.expired()).isEmpty();
        assertThat(released.longestHold()).isEqualTo(Duration.ofMillis(150));
        assertThat(hold.size()).isZero();
    }

    @Test
    void reports_overflow_instead_of_dropping() {
        hold.hold("a");
        hold.hold("b");
        hold.hold("c");

        assertThat(hold.hold("d")).isEqualTo(new DownlinkHold.Held.Overflow(3));
        assertThat(hold.size()).isEqualTo(3);
    }

    @Test
    void hands_back_requests_held_too_long() {
        hold.hold("old");
        clock.advance(Duration.ofSeconds(4));
        hold.hold("young");
        clock.advance(Duration.ofSeconds(2));
        List<String> delivered = new ArrayList<>();

        DownlinkHold.Released<String> released = hold.release(delivered::add);

        assertThat(released.expired()).containsExactly("old");
        assertThat(delivered).containsExactly("young");
    }

    @Test
    void keeps_the_rest_in_order_when_delivery_fails() {
        hold.hold("a");
        hold.hold("b");
        List<String> delivered = new ArrayList<>();
        try {
            hold.release(item -> {
                if (item.equals("b")) {
                    throw new IllegalStateException("target unreachable");
                }
                delivered.add(item);
            });
        } catch (IllegalStateException expected) {
            // the caller retries
        }

        hold.release(delivered::add);

        assertThat(delivered).containsExactly("a", "b");
    }
}

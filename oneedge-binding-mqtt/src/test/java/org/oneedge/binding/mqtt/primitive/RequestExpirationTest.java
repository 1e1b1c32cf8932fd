package org.oneedge.binding.mqtt.primitive;

import org.oneedge.model.TimestampCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;

class RequestExpirationTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Request with(String rqet, String ot) {
        return Request.builder().operation(Operation.RETRIEVE).to("x").requestExpirationTimestamp(rqet)
                .originatingTimestamp(ot).build();
    }

    @Test
    void an_absolute_rqet_in_the_past_has_expired() {
        assertThat(RequestExpiration.isExpired(with("20260301T115959", null), NOW)).isTrue();
        assertThat(RequestExpiration.isExpired(with("20260301T120001", null), NOW)).isFalse();
        assertThat(RequestExpiration.isExpired(with(null, null), NOW)).isFalse();
    }

    @Test
    void a_relative_rqet_counts_from_the_originating_timestamp() {
        assertThat(RequestExpiration.isExpired(with("1000", "20260301T115958"), NOW)).isTrue();
        assertThat(RequestExpiration.isExpired(with("5000", "20260301T115958"), NOW)).isFalse();
        assertThat(RequestExpiration.isExpired(with("5000", null), NOW)).isFalse();
        assertThat(RequestExpiration.isExpired(with("0", null), NOW)).isTrue();
    }

    @Test
    void an_unreadable_rqet_is_a_bad_request() {
        assertThatThrownBy(() -> RequestExpiration.isExpired(with("tomorrow", null), NOW))
                .isInstanceOf(OneM2MException.class).hasMessageContaining("rqet");
    }

    @Test
    void reads_fractions_and_a_trailing_z() {
        assertThat(TimestampCodec.parseWire("20260301T120000,5")).isEqualTo(Instant.parse("2026-03-01T12:00:00.5Z"));
        assertThat(TimestampCodec.parseWire("20260301T120000.000123Z")).isEqualTo(Instant.parse("2026-03-01T12:00:00.000123Z"));
        assertThat(TimestampCodec.formatExact(Instant.parse("2026-03-01T12:00:00.25Z"), 0)).isEqualTo("20260301T120000,25");
    }
}

package org.oneedge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampCodecTest {

    @Test
    void writes_basic_format_with_six_fraction_digits() {
        assertThat(TimestampCodec.format(Instant.parse("2026-03-04T05:06:07.123456789Z")))
                .isEqualTo("20260304T050607,123456");
    }

    @Test
    void reads_timestamps_without_fraction() {
        assertThat(TimestampCodec.parse("20261231T235959")).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
    }

    @Test
    void reads_short_fractions_with_comma_or_dot() {
        assertThat(TimestampCodec.parse("20260101T000000,5")).isEqualTo(Instant.parse("2026-01-01T00:00:00.5Z"));
        assertThat(TimestampCodec.parse("20260101T000000.000001")).isEqualTo(Instant.parse("2026-01-01T00:00:00.000001Z"));
    }

    @Test
    void refuses_malformed_timestamps_naming_the_value() {
        for (String bad : new String[] {"", "2026-01-01T00:00:00", "20260101 000000", "20261301T000000",
                "20260101T250000", "20260101T000000,", "20260101T000000Z", "2026010T000000x"}) {
            assertThatThrownBy(() -> TimestampCodec.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
        assertThat(TimestampCodec.isValid("nonsense")).isFalse();
    }
}

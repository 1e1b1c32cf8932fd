package org.oneedge.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class TimestampCodecProperties {

    /** 9999-12-31T23:59:59Z, the last second the format can write. */
    private static final long YEAR_9999 = 253402300799L;

    @Property
    void format_then_parse_gives_the_instant_truncated_to_microseconds(
            @ForAll @LongRange(min = 0, max = YEAR_9999) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        String text = TimestampCodec.format(instant);
        assertThat(text).matches("\\d{8}T\\d{6},\\d{6}");
        assertThat(TimestampCodec.parse(text)).isEqualTo(TimestampCodec.truncate(instant));
    }

    @Property
    void parse_then_format_is_identity_for_canonical_text(
            @ForAll @LongRange(min = 0, max = YEAR_9999) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999) long micros) {
        String text = TimestampCodec.format(Instant.ofEpochSecond(seconds, micros * 1000));
        assertThat(TimestampCodec.format(TimestampCodec.parse(text))).isEqualTo(text);
    }

    @Property
    void text_without_fraction_is_the_whole_second(@ForAll @LongRange(min = 0, max = YEAR_9999) long seconds) {
        String full = TimestampCodec.format(Instant.ofEpochSecond(seconds));
        assertThat(TimestampCodec.parse(full.substring(0, 15))).isEqualTo(Instant.ofEpochSecond(seconds));
    }
}

package org.oneedge.mec.api.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.oneedge.mec.api.lcm.AppInstSelectorType;
import org.oneedge.mec.api.metrics.MetricName;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MecJsonProperties {

    final ObjectMapper mapper = MecJson.newObjectMapper();

    @Property
    void time_stamps_round_trip_through_json_and_instants(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long s,
                                                         @ForAll @IntRange(min = 0, max = 999_999_999) int ns)
            throws Exception {
        TimeStamp ts = new TimeStamp(s, ns);

        TimeStamp back = mapper.readValue(mapper.writeValueAsString(ts), TimeStamp.class);

        assertThat(back).isEqualTo(ts);
        assertThat(TimeStamp.of(ts.toInstant())).isEqualTo(ts);
        assertThat(ts.toInstant()).isEqualTo(Instant.ofEpochSecond(s, ns));
    }

    @Property
    void integer_enums_are_read_from_numbers_and_names_and_written_as_numbers(@ForAll AppInstSelectorType type)
            throws Exception {
        assertThat(mapper.readValue(String.valueOf(type.code()), AppInstSelectorType.class)).isEqualTo(type);
        assertThat(mapper.readValue("\"" + type.name() + "\"", AppInstSelectorType.class)).isEqualTo(type);
        assertThat(mapper.writeValueAsString(type)).isEqualTo(String.valueOf(type.code()));
    }

    @Property
    void metric_names_are_read_from_field_or_constant_names(@ForAll MetricName metric) throws Exception {
        assertThat(mapper.readValue("\"" + metric.field() + "\"", MetricName.class)).isEqualTo(metric);
        assertThat(mapper.readValue("\"" + metric.name() + "\"", MetricName.class)).isEqualTo(metric);
        assertThat(mapper.writeValueAsString(metric)).isEqualTo("\"" + metric.field() + "\"");
    }
}

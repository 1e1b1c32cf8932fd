package org.oneedge.binding.mqtt.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicIdsTest {

    @ParameterizedTest
    @CsvSource({
        "/id-mn/CAE1, id-mn:CAE1",
        "/id-in, id-in",
        "//sp.example.com/id-in, :sp.example.com:id-in",
        "//sp.example.com/id-in/CAE7, :sp.example.com:id-in:CAE7",
        "CAE1, CAE1",
        "/SAE2, SAE2",
        "cred/with/slash, cred:with:slash"
    })
    void maps_ids_to_topic_levels_per_ts_0010(String id, String level) {
        assertThat(TopicIds.toTopicLevel(id)).isEqualTo(level);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/", "/id+in", "CAE#1"})
    void refuses_ids_that_cannot_be_a_topic_level(String id) {
        assertThatThrownBy(() -> TopicIds.toTopicLevel(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_a_missing_id() {
        assertThatThrownBy(() -> TopicIds.toTopicLevel(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

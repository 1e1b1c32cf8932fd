package org.oneedge.binding.mqtt.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oneedge.binding.mqtt.primitive.Serialization;
import org.oneedge.binding.mqtt.topic.OneM2MTopic.Kind;

class OneM2MTopicTest {

    @Test
    void parses_a_request_topic_and_derives_its_response_topic() {
        OneM2MTopic t = OneM2MTopic.parse("/oneM2M/req/CAE1/id-in/json", "").orElseThrow();

        assertThat(t.kind()).isEqualTo(Kind.REQ);
        assertThat(t.originator()).isEqualTo("CAE1");
        assertThat(t.receiver()).isEqualTo("id-in");
        assertThat(t.serialization()).contains(Serialization.JSON);
        assertThat(t.responseTopic().topic()).isEqualTo("/oneM2M/resp/CAE1/id-in/json");
    }

    @Test
    void answers_a_registration_request_on_reg_resp_with_the_same_levels() {
        OneM2MTopic t = OneM2MTopic.parse("/edge1/oneM2M/reg_req/cred:1/id-mn/cbor", "/edge1").orElseThrow();

        assertThat(t.responseTopic().topic()).isEqualTo("/edge1/oneM2M/reg_resp/cred:1/id-mn/cbor");
    }

    @Test
    void ignores_topics_that_are_not_five_level_onem2m_topics() {
        assertThat(OneM2MTopic.parse("/oneM2M/req/CAE1/id-in", "")).isEmpty();
        assertThat(OneM2MTopic.parse("/oneM2M/req/CAE1/id-in/json/extra", "")).isEmpty();
        assertThat(OneM2MTopic.parse("/oneM2M/other/CAE1/id-in/json", "")).isEmpty();
        assertThat(OneM2MTopic.parse("/other/oneM2M/req/CAE1/id-in/json", "")).isEmpty();
    }

    @Test
    void keeps_an_unsupported_serialization_visible_as_such() {
        OneM2MTopic t = OneM2MTopic.parse("/oneM2M/req/CAE1/id-in/xml", "").orElseThrow();

        assertThat(t.serialization()).isEmpty();
        assertThat(t.format()).isEqualTo("xml");
    }

    @Test
    void builds_receiver_and_originator_filters_with_prefix() {
        assertThat(OneM2MTopic.receiverFilter("", Kind.REQ, "id-in")).isEqualTo("/oneM2M/req/+/id-in/#");
        assertThat(OneM2MTopic.receiverFilter("edge/", Kind.REG_REQ, "id-in")).isEqualTo("/edge/oneM2M/reg_req/+/id-in/#");
        assertThat(OneM2MTopic.originatorFilter("/edge", Kind.RESP, "id-mn")).isEqualTo("/edge/oneM2M/resp/id-mn/+/#");
    }
}

package org.oneedge.binding.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResponseStatusCode;

class MqttRemoteSenderTest {

    @ParameterizedTest
    @CsvSource({
        "RETRIEVE, /id-mn/cse-mn/AE1/cnt1, /id-mn",
        "CREATE, //sp.example/id-in/cse-in, //sp.example/id-in",
        "UPDATE, cse-in/AE1, cse-in",
        "RETRIEVE, /id-mn/CAE1, /id-mn",
        "RETRIEVE, /id-mn, /id-mn",
        "NOTIFY, /id-in/CAE1, /id-in/CAE1",
        "NOTIFY, /SAE2, /SAE2",
        "NOTIFY, //sp.example/id-in/Cae3, //sp.example/id-in/Cae3",
        "NOTIFY, CAE1, CAE1",
        "NOTIFY, /id-mn, /id-mn",
        "NOTIFY, /id-mn/cse-mn/AE1/sub, /id-mn"
    })
    void publishes_to_the_cse_of_to_or_to_the_notification_target(Operation op, String to, String receiver) {
        assertThat(MqttRemoteSender.receiverOf(Request.builder().operation(op).to(to).build())).isEqualTo(receiver);
    }

    @Test
    void answers_5103_for_an_unusable_point_of_access_instead_of_throwing() {
        try (MqttRemoteSender sender = MqttRemoteSender.builder().config(MqttBindingConfig.builder().build()).build()) {
            var response = sender.send("mqtt://", Request.builder().operation(Operation.RETRIEVE).to("/id-x")
                    .requestId("r1").build());

            assertThat(response.statusCode()).isEqualTo(ResponseStatusCode.TARGET_NOT_REACHABLE);
            assertThat(response.requestId()).isEqualTo("r1");
            assertThat(sender.supports("mqtt://h:1")).isTrue();
            assertThat(sender.supports("http://h:1")).isFalse();
        }
    }
}

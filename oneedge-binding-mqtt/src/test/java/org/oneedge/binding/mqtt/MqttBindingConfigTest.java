package org.oneedge.binding.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;

class MqttBindingConfigTest {

    @Test
    void derives_client_id_from_the_cse_id() {
        MqttBindingConfig c = MqttBindingConfig.builder().cseId("/id-mn1").build();

        assertThat(c.clientId()).isEqualTo("C::id-mn1");
        assertThat(c.ownTopicLevel()).isEqualTo("id-mn1");
        assertThat(c.qos()).isEqualTo(1);
        assertThat(c.connectionConfig().broker().port()).isEqualTo(1883);
    }

    @Test
    void refuses_qos_2_and_bad_broker_urls() {
        assertThatThrownBy(() -> MqttBindingConfig.builder().qos(2).build()).hasMessageContaining("qos");
        assertThatThrownBy(() -> MqttBindingConfig.builder().brokerUrl("http://x").build())
                .hasMessageContaining("not an MQTT URL");
    }

    @Test
    void treats_only_an_ae_create_without_own_ae_id_as_initial_registration() {
        Request.Builder ae = Request.builder().operation(Operation.CREATE).to("/id-in/cse-in").resourceType(2);

        assertThat(MqttCseClient.isInitialRegistration(ae.from(null).build())).isTrue();
        assertThat(MqttCseClient.isInitialRegistration(ae.from("C").build())).isTrue();
        assertThat(MqttCseClient.isInitialRegistration(ae.from("S").build())).isTrue();
        assertThat(MqttCseClient.isInitialRegistration(ae.from("CAE1").build())).isFalse();
        assertThat(MqttCseClient.isInitialRegistration(ae.from(null).resourceType(16).build())).isFalse();
    }

    @Test
    void defaults_the_credential_id_to_the_client_id() {
        MqttCseClientConfig c = MqttCseClientConfig.builder().clientId("A::sensor-1").build();

        assertThat(c.credentialId()).isEqualTo("A::sensor-1");
        assertThat(c.connectionConfig().clientId()).isEqualTo("A::sensor-1");
    }
}

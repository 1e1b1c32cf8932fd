package org.oneedge.binding.mqtt.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MqttPointOfAccessTest {

    @Test
    void defaults_to_port_1883_and_no_path() {
        MqttPointOfAccess poa = MqttPointOfAccess.parse("mqtt://broker.example");

        assertThat(poa.broker()).isEqualTo(new BrokerAddress("broker.example", 1883, false));
        assertThat(poa.hasPath()).isFalse();
    }

    @Test
    void keeps_port_and_path_of_a_notification_uri() {
        MqttPointOfAccess poa = MqttPointOfAccess.parse("mqtt://127.0.0.1:18830/some/topic");

        assertThat(poa.broker()).isEqualTo(new BrokerAddress("127.0.0.1", 18830, false));
        assertThat(poa.path()).isEqualTo("/some/topic");
    }

    @Test
    void uses_tls_and_port_8883_for_mqtts() {
        assertThat(MqttPointOfAccess.parse("mqtts://b.example").broker()).isEqualTo(new BrokerAddress("b.example", 8883, true));
    }

    @Test
    void supports_only_mqtt_schemes() {
        assertThat(MqttPointOfAccess.isMqtt("MQTT://x")).isTrue();
        assertThat(MqttPointOfAccess.isMqtt("http://x")).isFalse();
        assertThatThrownBy(() -> MqttPointOfAccess.parse("http://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MqttPointOfAccess.parse("mqtt://")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parses_configured_tcp_broker_urls() {
        assertThat(BrokerAddress.parse("tcp://127.0.0.1:1883")).isEqualTo(new BrokerAddress("127.0.0.1", 1883, false));
        assertThatThrownBy(() -> BrokerAddress.parse("ws://x:1")).hasMessageContaining("not an MQTT URL");
    }
}

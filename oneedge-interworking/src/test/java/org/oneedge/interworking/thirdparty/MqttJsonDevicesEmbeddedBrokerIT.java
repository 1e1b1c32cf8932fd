package org.oneedge.interworking.thirdparty;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBroker;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBrokerConfig;

/** The MQTT-JSON device IPE on the embedded Moquette broker (free port). */
class MqttJsonDevicesEmbeddedBrokerIT extends MqttJsonDevicesContract {
    static EmbeddedMqttBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedMqttBroker.start(EmbeddedMqttBrokerConfig.onFreePort());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Override
    String brokerUrl() {
        return broker.url();
    }
}

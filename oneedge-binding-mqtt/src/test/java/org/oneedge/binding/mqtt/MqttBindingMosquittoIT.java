package org.oneedge.binding.mqtt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The MQTT binding contract against an external Mosquitto, given by env {@code ONEEDGE_MOSQUITTO_URL}
 * (e.g. {@code tcp://127.0.0.1:18830}, set by {@code .ci/run}); every test is reported skipped with a message otherwise.
 */
class MqttBindingMosquittoIT extends MqttBindingContract {

    @Override
    String brokerUrl() {
        String url = System.getenv("ONEEDGE_MOSQUITTO_URL");
        assumeTrue(url != null && !url.isBlank(),
                "ONEEDGE_MOSQUITTO_URL not set: skipping the MQTT binding tests against an external Mosquitto");
        return url;
    }
}

package org.oneedge.interworking.thirdparty;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The MQTT-JSON device IPE against an external Mosquitto, given by env {@code ONEEDGE_MOSQUITTO_URL}
 * (e.g. {@code tcp://127.0.0.1:18830}); every test is reported skipped with a message otherwise.
 */
class MqttJsonDevicesMosquittoIT extends MqttJsonDevicesContract {

    @Override
    String brokerUrl() {
        String url = System.getenv("ONEEDGE_MOSQUITTO_URL");
        assumeTrue(url != null && !url.isBlank(),
                "ONEEDGE_MOSQUITTO_URL not set: skipping the MQTT-JSON device IPE tests against an external Mosquitto");
        return url;
    }
}

package org.oneedge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.connection.MqttConnectionConfig;

/** A device of the app's end-to-end tests: publishes one JSON reading as {@code mosquitto_pub} would. */
final class MqttDevice {
    private static final Pattern DEVICES_LINE = Pattern.compile(
            "MQTT-JSON device IPE into \\S+ \\(readings on (\\S+)/\\+/telemetry.* listening on (tcp://\\S+)");

    private MqttDevice() {
    }

    /** Publishes {@code json} as {@code deviceId}'s reading on the broker and topic the start-up output names. */
    static void publishReading(String startupOutput, String deviceId, String json) throws Exception {
        Matcher line = DEVICES_LINE.matcher(startupOutput);
        assertThat(line.find()).as("device IPE line in: %s", startupOutput).isTrue();
        try (MqttConnection device = new MqttConnection(new MqttConnectionConfig(BrokerAddress.parse(line.group(2)),
                "device-" + deviceId, null, null, null, Duration.ofSeconds(5), null, null))) {
            assertThat(device.start()).isTrue();
            device.publish(line.group(1) + "/" + deviceId + "/telemetry", json.getBytes(StandardCharsets.UTF_8), 1)
                    .get(5, TimeUnit.SECONDS);
        }
    }
}

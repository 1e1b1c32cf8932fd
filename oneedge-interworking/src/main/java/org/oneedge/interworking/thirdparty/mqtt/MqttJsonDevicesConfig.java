package org.oneedge.interworking.thirdparty.mqtt;

import java.time.Duration;
import java.util.Objects;
import org.oneedge.interworking.thirdparty.DeviceModel;

/**
 * Configuration of {@link MqttJsonDevices}. One record with documented defaults (see {@link #builder()}).
 *
 * @param brokerUrl      the broker the devices publish to, e.g. {@code tcp://127.0.0.1:1883} (required)
 * @param topicPrefix    topics are {@code <prefix>/<deviceId>/telemetry} and {@code <prefix>/<deviceId>/cmd}
 *                       (default {@code oneedge/dev})
 * @param clientId       MQTT client id of the IPE, unique at the broker (default {@code oneedge-device-ipe})
 * @param model          how every device is represented (default {@link DeviceModel#standard()})
 * @param connectTimeout how long start waits for the broker; it keeps retrying afterwards (default 5 s)
 */
public record MqttJsonDevicesConfig(String brokerUrl, String topicPrefix, String clientId, DeviceModel model,
                                    Duration connectTimeout) {

    public MqttJsonDevicesConfig {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        if (topicPrefix == null || topicPrefix.isBlank() || topicPrefix.contains("+") || topicPrefix.contains("#")) {
            throw new IllegalArgumentException("topicPrefix must be a topic without wildcards, was " + topicPrefix);
        }
        while (topicPrefix.endsWith("/")) {
            topicPrefix = topicPrefix.substring(0, topicPrefix.length() - 1);
        }
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(model, "model");
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
    }

    /** The filter the IPE subscribes to: {@code <prefix>/+/telemetry}. */
    public String telemetryFilter() {
        return topicPrefix + "/+/telemetry";
    }

    /** Where a device's readings arrive. */
    public String telemetryTopic(String deviceId) {
        return topicPrefix + "/" + deviceId + "/telemetry";
    }

    /** Where a device's commands are published. */
    public String commandTopic(String deviceId) {
        return topicPrefix + "/" + deviceId + "/cmd";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults documented on {@link MqttJsonDevicesConfig}. */
    public static final class Builder {
        private String brokerUrl;
        private String topicPrefix = "oneedge/dev";
        private String clientId = "oneedge-device-ipe";
        private DeviceModel model = DeviceModel.standard();
        private Duration connectTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        public Builder brokerUrl(String v) { brokerUrl = v; return this; }
        public Builder topicPrefix(String v) { topicPrefix = v; return this; }
        public Builder clientId(String v) { clientId = v; return this; }
        public Builder model(DeviceModel v) { model = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }

        public MqttJsonDevicesConfig build() {
            return new MqttJsonDevicesConfig(brokerUrl, topicPrefix, clientId, model, connectTimeout);
        }
    }
}

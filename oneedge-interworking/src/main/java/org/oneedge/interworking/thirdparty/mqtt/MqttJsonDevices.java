package org.oneedge.interworking.thirdparty.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.connection.MqttConnectionConfig;
import org.oneedge.interworking.thirdparty.DeviceListener;
import org.oneedge.interworking.thirdparty.DeviceModel;
import org.oneedge.interworking.thirdparty.DeviceProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Devices that speak plain JSON over MQTT (technology {@code MQTT-JSON}), the reference {@link DeviceProtocol}:
 *
 * <pre>
 *   device ─PUBLISH oneedge/dev/&lt;deviceId&gt;/telemetry {"temperature":21.5,...}─▶ broker ─▶ IPE (reading)
 *   device ◀─PUBLISH oneedge/dev/&lt;deviceId&gt;/cmd {"targetTemperature":23}──────── broker ◀─ IPE (command)
 * </pre>
 *
 * A device appears with its first reading. A payload that is not a non-empty JSON object, or a device id that is
 * empty, is logged with the topic and skipped. QoS 1 both ways, one MQTT session (CleanSession false, so readings
 * published while the IPE was briefly away are delivered when it reconnects).
 */
public final class MqttJsonDevices implements DeviceProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(MqttJsonDevices.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String TECHNOLOGY = "MQTT-JSON";

    private final MqttJsonDevicesConfig config;
    private MqttConnection connection;
    private volatile DeviceListener listener;

    public MqttJsonDevices(MqttJsonDevicesConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String technology() {
        return TECHNOLOGY;
    }

    @Override
    public DeviceModel model(String deviceId) {
        return config.model();
    }

    /** The configuration (topics). */
    public MqttJsonDevicesConfig config() {
        return config;
    }

    @Override
    public void start(DeviceListener listener) {
        if (connection != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        connection = new MqttConnection(new MqttConnectionConfig(BrokerAddress.parse(config.brokerUrl()),
                config.clientId(), null, null, null, config.connectTimeout(), null, null));
        var subscribed = connection.subscribe(config.telemetryFilter(), 1, this::onMessage);
        if (connection.start()) {
            try {
                subscribed.get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("MQTT-JSON devices: subscription to {} not confirmed yet: {}", config.telemetryFilter(),
                        e.toString());
            }
        }
        LOG.info("MQTT-JSON devices: readings on {}, commands on {} at {}", config.telemetryFilter(),
                config.commandTopic("<deviceId>"), config.brokerUrl());
    }

    private void onMessage(String topic, byte[] payload) {
        String deviceId = deviceIdOf(topic);
        if (deviceId == null) {
            LOG.warn("MQTT-JSON devices: ignored a message on {}: no device id in the topic", topic);
            return;
        }
        JsonNode reading;
        try {
            reading = JSON.readTree(payload);
        } catch (IOException e) {
            LOG.warn("MQTT-JSON device {}: malformed telemetry skipped (not JSON: {})", deviceId,
                    firstLine(e.getMessage()));
            return;
        }
        if (reading == null || !reading.isObject() || reading.isEmpty()) {
            LOG.warn("MQTT-JSON device {}: malformed telemetry skipped (must be a non-empty JSON object, was {})",
                    deviceId, abbreviate(new String(payload, StandardCharsets.UTF_8)));
            return;
        }
        listener.telemetry(deviceId, (ObjectNode) reading);
    }

    /** {@code <prefix>/<deviceId>/telemetry} → {@code deviceId}, or null when the id is empty. */
    String deviceIdOf(String topic) {
        String head = config.topicPrefix() + "/";
        String tail = "/telemetry";
        if (!topic.startsWith(head) || !topic.endsWith(tail) || topic.length() <= head.length() + tail.length()) {
            return null;
        }
        String id = topic.substring(head.length(), topic.length() - tail.length());
        return id.isBlank() ? null : id;
    }

    @Override
    public void sendCommand(String deviceId, JsonNode command) {
        MqttConnection c = connection;
        if (c == null) {
            LOG.warn("MQTT-JSON device {}: command dropped, the IPE is not connected", deviceId);
            return;
        }
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(command);
        } catch (JsonProcessingException e) {
            LOG.warn("MQTT-JSON device {}: command not serialisable: {}", deviceId, e.getMessage());
            return;
        }
        c.publish(config.commandTopic(deviceId), payload, 1).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("MQTT-JSON device {}: command to {} not delivered: {}", deviceId,
                        config.commandTopic(deviceId), error.toString());
            }
        });
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}

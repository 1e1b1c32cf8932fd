package org.oneedge.binding.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.connection.MqttConnectionConfig;

/** A raw MQTT peer for wire tests: publishes exact bytes and records what arrives on the topics it subscribed. */
final class TopicRecorder implements AutoCloseable {
    record Message(String topic, byte[] payload) {
    }

    final List<Message> messages = new CopyOnWriteArrayList<>();
    private final MqttConnection connection;

    TopicRecorder(String brokerUrl, String clientId) {
        connection = new MqttConnection(new MqttConnectionConfig(BrokerAddress.parse(brokerUrl), clientId, null, null,
                null, null, null, null));
        if (!connection.start()) {
            throw new IllegalStateException("test broker not reachable at " + brokerUrl);
        }
    }

    TopicRecorder subscribe(String filter) throws Exception {
        connection.subscribe(filter, 1, (t, p) -> messages.add(new Message(t, p))).get(5, TimeUnit.SECONDS);
        return this;
    }

    void publish(String topic, byte[] payload) throws Exception {
        connection.publish(topic, payload, 1).get(5, TimeUnit.SECONDS);
    }

    List<Message> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    @Override
    public void close() {
        connection.close();
    }
}

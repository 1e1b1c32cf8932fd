package org.oneedge.binding.mqtt.broker;

/**
 * Configuration of the {@link EmbeddedMqttBroker}.
 *
 * @param host            address to bind, default {@code 127.0.0.1}
 * @param port            TCP port, default 1883; 0 picks a free port ({@link EmbeddedMqttBroker#port()} tells which)
 * @param allowAnonymous  accept clients without credentials, default true (meant for loopback use)
 * @param maxMessageBytes largest MQTT message accepted, default 1 MiB (TS-0010 advises primitives ≲100 kB)
 */
public record EmbeddedMqttBrokerConfig(String host, int port, boolean allowAnonymous, int maxMessageBytes) {

    public EmbeddedMqttBrokerConfig {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive");
        }
    }

    /** Loopback, port 1883, anonymous allowed, 1 MiB messages. */
    public static EmbeddedMqttBrokerConfig defaults() {
        return new EmbeddedMqttBrokerConfig("127.0.0.1", 1883, true, 1 << 20);
    }

    /** Loopback on a free port, for tests. */
    public static EmbeddedMqttBrokerConfig onFreePort() {
        return defaults().withPort(0);
    }

    public EmbeddedMqttBrokerConfig withPort(int newPort) {
        return new EmbeddedMqttBrokerConfig(host, newPort, allowAnonymous, maxMessageBytes);
    }

    public EmbeddedMqttBrokerConfig withHost(String newHost) {
        return new EmbeddedMqttBrokerConfig(newHost, port, allowAnonymous, maxMessageBytes);
    }
}
